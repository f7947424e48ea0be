"""Training the learned stance (:mod:`kg.extract.learned`) on gold annotations.

Each gold document is extracted as usual; every system statement made with a
neutral cue that matches a gold statement with the right speaker (the matching of
:mod:`kg.evaluate`) becomes one example: its features, the rules' stance among
them, and the annotator's stance. The model is trained on all of them and used
where the rules said "claim" and, when surer, where they read a stance from the
content. Users with their own annotations can train their own model
(``kg train-stance GOLD... --docs DIR -o model.json``) and see, by leaving one
document out at a time, whether it helps on articles it was not trained on
(``--cv``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import nlp
from .errors import GoldError
from .evaluate import align, extract_gold, load_gold
from .extract.learned import OVERRIDE, THRESHOLD, C, Model, features, neutral, switched_off, train
from .iri import Iris
from .records import Stance

STANCES = tuple(s.value for s in Stance)


@dataclass(frozen=True)
class Example:
    doc: str
    features: frozenset[str]
    gold: str  # the annotator's stance
    ruled: str  # the rules' stance


def examples(gold_paths: Iterable[str | Path], docs_dirs: str | Path | Sequence[str | Path]) -> list[Example]:
    """The training examples of the gold documents (see the module docstring)."""
    from .pipeline import statement_record

    gold = load_gold(gold_paths)
    for g in gold:
        for gs in g["statements"]:
            if gs.get("stance") not in STANCES:
                raise GoldError(
                    f"{g['doc']}: gold stance {gs.get('stance')!r} is not one of {', '.join(STANCES)}"
                )
    with switched_off():
        result, texts = extract_gold(gold, docs_dirs)
    docs = {a.doc: d for a, d in nlp.parse(result.articles)}
    iris = Iris()
    out = []
    for g in gold:
        name = g["doc"]
        mine = [s for s in result.statements if s.doc == name]
        records = [statement_record(s, iris) for s in mine]
        for gs, si, level in align(g, records, texts[name]):
            st = mine[si]
            if level < 2 or gs.get("optional") or not neutral(st.cue):
                continue
            ruled = st.stance.value
            toks = [t for t in docs[name] if st.content_start <= t.idx < st.content_end]
            feats = features(toks, st.cue, st.kind.value, Stance(ruled), st.start)
            out.append(Example(name, frozenset(feats), gs["stance"], ruled))
    return out


def fit(exs: Sequence[Example], c: float = C, threshold: float = THRESHOLD,
        override: float | None = OVERRIDE) -> Model:
    return train([(set(e.features), e.gold) for e in exs], c, threshold, override)


def cross_validate(exs: Sequence[Example], c: float = C, threshold: float = THRESHOLD,
                   override: float | None = OVERRIDE) -> dict:
    """Leave one document out: train on the others, judge its examples. Returns, for
    the statements the rules call claims and for those they gave a stance from the
    content, how many the rules alone get right, how many the model gets right, and
    how many it changed."""
    counts = dict.fromkeys(("examples", "rules_right", "model_right", "changed",
                            "others", "others_rules_right", "others_model_right", "others_changed"), 0)
    used: list[str] = []
    for doc in sorted({e.doc for e in exs}):
        rest = [e for e in exs if e.doc != doc]
        if len({e.gold for e in rest}) < 2:
            continue  # nothing to learn from without this article: it is left out of the figures
        used.append(doc)
        m = fit(rest, c, threshold, override)
        for e in exs:
            if e.doc != doc:
                continue
            claim = e.ruled == Stance.CLAIM.value
            said = m.second_opinion(Stance(e.ruled), e.features).value
            pre = "" if claim else "others_"
            counts["examples" if claim else "others"] += 1
            counts[pre + "rules_right"] += e.gold == e.ruled
            counts[pre + "model_right"] += e.gold == said
            counts[pre + "changed"] += said != e.ruled
    return {"documents": len(used), **counts}
