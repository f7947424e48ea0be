"""Training the learned stance (:mod:`kg.extract.learned`) on gold annotations.

Each gold document is extracted as usual; every system statement made with a
neutral cue that matches a gold statement with the right speaker (the matching of
:mod:`kg.evaluate`) becomes one example: its features, the rules' stance among
them, and the annotator's stance. The model is trained on all of them (the rules'
verdicts elsewhere teach it which words matter) and used only where the rules
said "claim". Users with their own annotations can train their own model
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
from .extract.learned import THRESHOLD, C, Model, features, neutral, switched_off, train
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
            feats = features(toks, st.cue, st.kind.value, Stance(ruled))
            out.append(Example(name, frozenset(feats), gs["stance"], ruled))
    return out


def fit(exs: Sequence[Example], c: float = C, threshold: float = THRESHOLD) -> Model:
    return train([(set(e.features), e.gold) for e in exs], c, threshold)


def cross_validate(exs: Sequence[Example], c: float = C, threshold: float = THRESHOLD) -> dict:
    """Leave one document out: train on the others, judge its examples. Returns how
    many examples the rules alone get right (they say "claim") and how many the
    model gets right, with how many it changed."""
    rules = model_right = changed = 0
    used: list[str] = []
    for doc in sorted({e.doc for e in exs}):
        rest = [e for e in exs if e.doc != doc]
        if len({e.gold for e in rest}) < 2:
            continue  # nothing to learn from without this article: it is left out of the figures
        used.append(doc)
        m = fit(rest, c, threshold)
        for e in exs:
            if e.doc != doc or e.ruled != Stance.CLAIM.value:
                continue
            stance, p = m.predict(e.features)
            said = stance.value if stance is not Stance.CLAIM and p >= threshold else Stance.CLAIM.value
            rules += e.gold == Stance.CLAIM.value
            model_right += e.gold == said
            changed += said != Stance.CLAIM.value
    claims = [e for e in exs if e.ruled == Stance.CLAIM.value and e.doc in used]
    return {"examples": len(claims), "documents": len(used),
            "rules_right": rules, "model_right": model_right, "changed": changed}
