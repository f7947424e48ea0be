"""Scoring extracted statements against gold annotations.

Gold format: one JSON file per document, as described in
``tests/fixtures/gold/README.md``: ``doc`` (the text's file name), ``actors``
(canonical name -> type and aliases) and ``statements`` (speaker, stance,
targets, kind, evidence — an exact substring of the text — and optionally
``optional: true``).

Matching: a system statement and a gold statement can match when their
character spans overlap (the gold span is where its evidence occurs in the
text). Each gold statement takes at most one system statement and vice versa,
best pairs first: a pair that gets speaker, stance and a target right beats
one that gets only the speaker right, and so on; among equals, the larger
overlap wins. Speakers and targets are compared after folding through the
gold's actor table (canonical name or alias, or the same surname for people),
ignoring case, punctuation, a leading article and a possessive.

Levels (micro-averaged over documents):

- detection: overlap only;
- attribution: overlap and the right speaker;
- stance: and the right base stance label;
- triple: and at least one acceptable target.

Optional gold statements neither reward nor penalise: a system statement
matched to one is left out of precision, and they are not in recall.

>>> fold = Folder({"Vladimir Putin": {"type": "Person", "aliases": ["Putin"]}})
>>> fold("President Putin’s") == fold("Vladimir Putin")
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import GoldError

LEVELS = ("detection", "attribution", "stance", "triple")


def normalise(label: str) -> str:
    s = label.lower().replace("’", "'").replace("‘", "'")
    s = re.sub(r"'s\b|'$", "", s)
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"^\s*(the|a|an)\s+", "", s)
    return " ".join(s.split())


class Folder:
    """Maps any label to the gold's canonical actor it denotes (or to itself)."""

    def __init__(self, actors: dict) -> None:
        self.names: dict[str, str] = {}
        self.surnames: dict[str, str] = {}
        for name, info in actors.items():
            self.names[normalise(name)] = name
            for alias in info.get("aliases", []):
                self.names.setdefault(normalise(alias), name)
            if info.get("type") == "Person":
                self.surnames[normalise(name).split()[-1]] = name

    def __call__(self, label: str) -> str:
        n = normalise(label)
        if n in self.names:
            return self.names[n]
        words = n.split()
        if words and words[-1] in self.surnames:
            return self.surnames[words[-1]]
        return n


def load_gold(paths: Iterable[str | Path]) -> list[dict]:
    """Gold documents from files or folders of ``*.json``."""
    docs = []
    for raw in paths:
        p = Path(raw)
        files = sorted(p.glob("*.json")) if p.is_dir() else [p]
        if not files:
            raise GoldError(f"{p}: no gold *.json files")
        for f in files:
            try:
                data = json.loads(f.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
                raise GoldError(f"{f}: not a readable JSON gold file ({e})") from None
            for key in ("doc", "statements"):
                if key not in data:
                    raise GoldError(f"{f}: missing field {key!r} (need doc, actors, statements)")
            docs.append(data)
    return docs


def _prf(tp: int, n_sys: int, n_gold: int) -> dict:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "sys": n_sys, "gold": n_gold}


def align(g: dict, mine: list[dict], text: str) -> list[tuple[dict, int, int]]:
    """Pairs of one gold document's statements and the system's statements on it:
    ``(gold statement, index into mine, level reached)``, best pairs first (see the
    module docstring); the level counts 1 for detection up to 4 for triple."""
    name = g["doc"]
    fold = Folder(g.get("actors", {}))
    gold = []
    for gs in g["statements"]:
        i = text.find(gs["evidence"])
        if i < 0:
            raise GoldError(f"{name}: gold evidence not in the text: {gs['evidence'][:60]!r}")
        gold.append((gs, i, i + len(gs["evidence"])))

    def level(gs: dict, ss: dict) -> int:
        if fold(ss.get("speaker", "")) != fold(gs["speaker"]):
            return 1
        if ss.get("stance") != gs["stance"]:
            return 2
        wanted = {fold(t) for t in gs.get("targets", [])}
        return 4 if any(fold(t) in wanted for t in ss.get("targets", [])) else 3

    pairs = []
    for gi, (gs, a, b) in enumerate(gold):
        for si, ss in enumerate(mine):
            overlap = min(b, ss["end"]) - max(a, ss["start"])
            if overlap > 0:
                pairs.append((level(gs, ss), overlap, gi, si))
    pairs.sort(key=lambda x: (-x[0], -x[1], x[2], x[3]))
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for lv, _, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out.append((gold[gi][0], si, lv))
    return out


def score(gold_docs: list[dict], system: list[dict], texts: dict[str, str]) -> dict:
    """P/R/F1 per level. ``system`` holds dicts with doc, speaker, stance,
    targets, start, end (the ``statements.jsonl`` format)."""
    totals = dict.fromkeys(LEVELS, 0)
    n_sys = n_gold = 0
    for g in gold_docs:
        name = g["doc"]
        mine = [s for s in system if Path(str(s.get("doc", ""))).name == name]
        optional_hits = 0
        for gs, _, lv in align(g, mine, texts[name]):
            if gs.get("optional"):
                optional_hits += 1
                continue
            for k, need in zip(LEVELS, (1, 2, 3, 4), strict=True):
                totals[k] += lv >= need
        n_sys += len(mine) - optional_hits
        n_gold += sum(1 for gs in g["statements"] if not gs.get("optional"))
    out = {k: _prf(totals[k], n_sys, n_gold) for k in LEVELS}
    out["documents"] = len(gold_docs)
    return out


#: What a gold statement's best system statement got wrong, by the level it reached.
VERDICTS = {1: "speaker", 2: "stance", 3: "target"}


def errors(gold_docs: list[dict], system: list[dict], texts: dict[str, str]) -> list[str]:
    """One line per required gold statement the system did not get fully right (missed,
    or its best match has the wrong speaker, stance or targets) and per system
    statement that matches nothing: what to look at when a figure is low."""
    def who(st: dict) -> str:
        targets = ", ".join(st.get("targets", [])) or "-"
        return f"{st.get('speaker', '')} {st.get('stance', '')} [{targets}]"

    out = []
    for g in gold_docs:
        name = g["doc"]
        mine = [s for s in system if Path(str(s.get("doc", ""))).name == name]
        pairs = align(g, mine, texts[name])
        matched_sys = {si for _, si, _ in pairs}
        by_gold = {id(gs): (si, lv) for gs, si, lv in pairs}
        for gs in g["statements"]:
            if gs.get("optional"):
                continue
            evidence = " ".join(gs["evidence"].split())[:70]
            if id(gs) not in by_gold:
                out.append(f"{name}: missed     gold {who(gs)} :: {evidence!r}")
                continue
            si, lv = by_gold[id(gs)]
            if lv < 4:
                out.append(f"{name}: {VERDICTS[lv]:<10} gold {who(gs)} | got {who(mine[si])} :: {evidence!r}")
        for si, st in enumerate(mine):
            if si not in matched_sys:
                evidence = " ".join(str(st.get("evidence", "")).split())[:70]
                out.append(f"{name}: extra      got {who(st)} :: {evidence!r}")
    return out


def gold_texts(gold: list[dict], docs_dirs: str | Path | Sequence[str | Path]) -> list[Path]:
    """The text file of each gold document: the first of ``docs_dirs`` that holds it."""
    dirs = [Path(docs_dirs)] if isinstance(docs_dirs, (str, Path)) else [Path(d) for d in docs_dirs]
    files = []
    for g in gold:
        found = next((d / g["doc"] for d in dirs if (d / g["doc"]).is_file()), None)
        if found is None:
            where = ", ".join(map(str, dirs))
            raise GoldError(f"{where}: the text of gold document {g['doc']!r} is not there (use --docs DIR)")
        files.append(found)
    return files


def extract_gold(gold: list[dict], docs_dirs: str | Path | Sequence[str | Path]):
    """Extract the gold documents' texts; returns the pipeline's result and the
    texts by document name."""
    from .pipeline import extract

    result = extract(gold_texts(gold, docs_dirs))
    texts = {a.doc: a.text for a in result.articles}
    missing = [g["doc"] for g in gold if g["doc"] not in texts]
    if missing:
        raise GoldError(f"could not read gold document(s): {', '.join(missing)}")
    return result, texts


def evaluate_files(
    gold_paths: Iterable[str | Path], docs_dirs: str | Path | Sequence[str | Path], details: bool = False
) -> dict:
    """Extract the gold documents' texts from ``docs_dirs`` (a folder, or several
    searched in order) and score them; with ``details``, the scores carry the
    :func:`errors` lines under ``"errors"``."""
    from .iri import Iris
    from .pipeline import statement_record

    gold = load_gold(gold_paths)
    result, texts = extract_gold(gold, docs_dirs)
    iris = Iris()
    system = [statement_record(s, iris) for s in result.statements]
    out = score(gold, system, texts)
    if details:
        out["errors"] = errors(gold, system, texts)
    return out


def format_scores(scores: dict) -> str:
    lines = [f"{'level':<12} {'P':>6} {'R':>6} {'F1':>6}   tp/sys/gold"]
    for k in LEVELS:
        r = scores[k]
        lines.append(f"{k:<12} {r['p']:>6.3f} {r['r']:>6.3f} {r['f1']:>6.3f}   {r['tp']}/{r['sys']}/{r['gold']}")
    lines.append(f"documents {scores['documents']}")
    return "\n".join(lines)
