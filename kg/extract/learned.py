"""A learned stance for statements the rules leave neutral.

The cue lexicon and the clause rules (:mod:`kg.extract.stance`) read stance from
words and shapes: "accused", "a reckless giveaway", "we will not sign it". Much
of what people say in the news carries its stance without such a sign — "They
automated the cranes, they automated the trucks, and now they want to automate
us" criticises; "If the council wants these homes to help, it has to keep the
rent low" demands. Annotators read those as criticism or demands; the rules can
only call them claims, and in our annotated stories claims are under a fifth of
all statements.

So a statement made with a neutral speech cue ("said", "told", a bare quote) gets a
second opinion: a logistic-regression model over simple features of its content
(:func:`features`), trained on our own annotated articles (``kg train-stance``).
Where the rules judged it a claim, the model replaces the claim when it names
another stance with probability at least the model's ``threshold``. Where the rules
read a stance from a content word or a clause ("a reckless giveaway" criticises, "we
will strike unless …" threatens), the model overrules them only when it is surer,
with probability at least its ``override`` (a model without one never does), and
never from praise to blame or back (:func:`reverses`). Either
way the statement's ``stance_fine`` then says ``learned`` so users can tell.
Statements whose stance came from a cue with a stance of its own ("accused",
"denied") are never touched (a negated neutral cue, "did not say", is a claim like
any other).

The model is a data file, ``data/stance_model.json``: the stance labels, one weight
per label for each feature, the intercepts and the two thresholds. Prediction needs
no library beyond the standard one; training needs scikit-learn (the ``train`` extra).

>>> from kg.nlp import load
>>> toks = list(load()("We will not accept this, and they know it."))
>>> sorted(f for f in features(toks, "say", "direct") if not f.startswith(("w=", "b=")))
['cue=say', 'kind=direct', 'modal=will', 'neg', 'root=accept', 'rule=claim', 'subj=1', 'subj=3']
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Token

from ..errors import UsageError
from ..records import Candidate, Stance
from .lexicon import cues

__all__ = [
    "MODEL_FILE", "Model", "OVERRIDE", "apply", "features", "load", "model", "neutral", "reverses", "save",
    "switched_off", "train",
]

MODEL_FILE = "stance_model.json"
#: Cues that report speech without judging it, besides the lexicon's neutral verbs: a bare
#: quotation, "according to", "in the words of", "quoting X" (``cite``).
NEUTRAL_CUES = {"quote", "according to", "in the words of", "cite"}
MODALS = {"will", "would", "could", "must", "should", "may", "might", "can", "cannot", "wo", "ca"}
THIRD_PARTY = ("GPE", "ORG", "PERSON", "NORP")
#: Training defaults, chosen by leaving one article out at a time over our annotated articles
#: (36, 50, 71, 83, 131, then 215; benchmarks/README.md): strong regularisation (looser as the
#: data grew); a claim is replaced when another stance reaches THRESHOLD, a stance the rules
#: read from the content when another reaches OVERRIDE.
C = 0.5
THRESHOLD = 0.25
OVERRIDE = 0.5
#: The mark statements decided by the model carry in ``stance_fine``.
LEARNED = "learned"


def neutral(cue: str) -> bool:
    """A cue that reports speech without a stance of its own ("say", a bare quote)."""
    if cue in NEUTRAL_CUES:
        return True
    entry = cues().get((cue, "VERB")) or cues().get((cue, "NOUN"))
    return entry is not None and entry.stance is None


def features(
    tokens: Sequence[Token], cue: str, kind: str, ruled: Stance = Stance.CLAIM, start: int | None = None
) -> set[str]:
    """What the model sees of a statement: the rules' stance, the cue, the kind
    (direct, mixed, indirect), every word's lemma and every pair of neighbouring
    words ("b=not_accept"; punctuation and "n't" are skipped, negation has a feature of its
    own), the lemma of the first main or reported verb, the kinds of names in it,
    negation, modal verbs, conditions, and who the subjects are (the speaker's side
    "I/we", the addressee "you", a third party by name or pronoun). Given the
    statement's ``start`` in the text, also the stances of the cues in the sentence
    just before it ("Jensen condemned the veto. “Drivers don't work those hours
    because they love it,” she said." — ``before=criticize``)."""
    out = {f"rule={ruled.value}", f"cue={cue}", f"kind={kind}"}
    if start is not None and tokens:
        out.update("before=" + s.value for s in stances_before(tokens[0].doc, start))
    lemmas = [t.lemma_.lower() for t in tokens if t.is_alpha]
    out.update(f"b={a}_{b}" for a, b in zip(lemmas, lemmas[1:]))
    root = next((t for t in tokens if t.dep_ in ("ROOT", "ccomp") and t.pos_ in ("VERB", "AUX")), None)
    if root is not None:
        out.add("root=" + root.lemma_.lower())
    for t in tokens:
        if t.ent_type_ in THIRD_PARTY:
            out.add("ent=" + t.ent_type_)
        low = t.lower_
        if t.is_alpha:
            out.add("w=" + t.lemma_.lower())
        if t.dep_ == "neg":
            out.add("neg")
        if low in MODALS and t.tag_ == "MD":
            out.add("modal=" + low)
        if low in ("if", "unless"):
            out.add("cond")
        if t.dep_ in ("nsubj", "nsubjpass"):
            if low in ("i", "we"):
                out.add("subj=1")
            elif low == "you":
                out.add("subj=2")
            elif low in ("they", "he", "she") or t.pos_ == "PROPN" or t.ent_type_ in THIRD_PARTY:
                out.add("subj=3")
    return out


def stances_before(doc: Doc, start: int) -> set[Stance]:
    """The stances of the cues ("condemned", "warning") in the sentence before the one
    holding character ``start``: the line that so often introduces a quotation, in the
    same paragraph or closing the one before."""
    at = doc.char_span(start, start + 1, alignment_mode="expand")
    if at is None:
        return set()
    i = at[0].sent.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0:
        return set()
    lexicon = cues()
    found = (lexicon.get((t.lemma_.lower(), t.pos_)) for t in doc[i].sent)
    return {e.stance for e in found if e is not None and e.stance is not None}


@dataclass(frozen=True)
class Model:
    """A multinomial logistic regression over binary features."""

    labels: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    intercepts: tuple[float, ...]
    threshold: float
    #: least probability to overrule a stance the rules read from the content (None: never)
    override: float | None = None

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        scores = list(self.intercepts)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                scores = [s + x for s, x in zip(scores, w, strict=True)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {label: e / total for label, e in zip(self.labels, exp, strict=True)}

    def second_opinion(self, ruled: Stance, feats: Iterable[str]) -> Stance:
        """The stance a neutral statement takes when the rules said ``ruled``: the model's,
        when it names another with probability at least its ``threshold`` (for a claim) or
        its ``override`` (for a stance read from the content) and does not turn praise into
        blame or back (:func:`reverses`); else ``ruled``."""
        bar = self.threshold if ruled is Stance.CLAIM else self.override
        if bar is None:
            return ruled
        stance, p = self.predict(feats)
        return stance if stance is not ruled and p >= bar and not reverses(ruled, stance) else ruled

    def predict(self, feats: Iterable[str]) -> tuple[Stance, float]:
        """The most probable stance (ties: the first label in order) and its probability."""
        probs = self.probabilities(feats)
        label = max(self.labels, key=lambda k: (probs[k], -self.labels.index(k)))
        return Stance(label), probs[label]

    @classmethod
    def from_json(cls, data: object, source: str = MODEL_FILE) -> Model:
        """A model from its JSON form; anything else is a :class:`UsageError` naming ``source``."""
        try:
            labels = tuple(data["labels"])  # type: ignore[index]
            for label in labels:
                Stance(label)
            raw = data["weights"]  # type: ignore[index]
            weights = {str(k): tuple(float(x) for x in v) for k, v in raw.items()}
            intercepts = tuple(float(x) for x in data["intercepts"])  # type: ignore[index]
            override = data.get("override")  # type: ignore[union-attr]
            model = cls(labels, weights, intercepts, float(data["threshold"]),  # type: ignore[index]
                        None if override is None else float(override))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise UsageError(f"{source}: not a stance model ({exc})") from exc
        if len(labels) < 2:
            raise UsageError(f"{source}: not a stance model (it needs two labels or more)")
        if len(model.intercepts) != len(labels) or any(len(w) != len(labels) for w in weights.values()):
            raise UsageError(f"{source}: not a stance model (weights do not match the {len(labels)} labels)")
        for name, value in (("threshold", model.threshold), ("override", model.override)):
            if value is not None and not 0.0 <= value <= 1.0:  # also refuses NaN
                raise UsageError(f"{source}: not a stance model ({name} {value} is not in [0, 1])")
        return model

    def to_json(self) -> dict:
        return {
            "labels": list(self.labels),
            "threshold": self.threshold,
            **({} if self.override is None else {"override": self.override}),
            "intercepts": list(self.intercepts),
            "weights": {k: list(self.weights[k]) for k in sorted(self.weights)},
        }


def load(path: str | Path) -> Model:
    """A model file; a missing, unreadable or malformed one is a :class:`UsageError` naming it."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the stance model ({exc})") from exc
    return Model.from_json(data, str(path))


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The model shipped with the package (None when there is none)."""
    res = resources.files("kg.extract.data").joinpath(MODEL_FILE)
    if not res.is_file():
        return None
    return load(str(res))


_OFF: list[bool] = []


@contextmanager
def switched_off() -> Iterator[None]:
    """Extraction inside the block uses the rules alone (what training learns from, so
    that a new model does not depend on the one shipped). Affects this process only."""
    _OFF.append(True)
    try:
        yield
    finally:
        _OFF.pop()


def apply(
    cands: list[Candidate],
    tokens_of: Callable[[Candidate], Sequence[Token]],
    stance_model: Model | None = None,
) -> list[Candidate]:
    """The candidates, with the model's stance where a neutral cue's statement got
    another stance from the model confidently enough: its ``threshold`` to replace a
    claim, its ``override`` to replace a stance the rules read from the content.
    ``tokens_of(candidate)`` gives a candidate's content tokens; ``stance_model``
    defaults to the shipped one."""
    m = stance_model if stance_model is not None else (None if _OFF else model())
    if m is None:
        return cands
    out = []
    for c in cands:
        if neutral(c.cue) and (c.stance is Stance.CLAIM or m.override is not None):
            feats = features(tokens_of(c), c.cue, c.kind.value, c.stance, c.start)
            if (stance := m.second_opinion(c.stance, feats)) is not c.stance:
                c = replace(c, stance=stance, stance_fine=LEARNED)
        out.append(c)
    return out


#: Stances that blame or reject what praise supports.
BLAME = {Stance.CRITICIZE, Stance.ACCUSE, Stance.OPPOSE, Stance.DENY}


def reverses(ruled: Stance, learned: Stance) -> bool:
    """Overruling the rules never turns praise into blame or back: a stance read from the
    content ("we are proud of our record" supports) keeps its direction, whatever the sentence
    before said ("Critics accused the firm …"); it may still become a claim, a demand or a
    warning. (Leaving one article out, this costs 3 of 7,794 judgements.)"""
    return (ruled is Stance.SUPPORT and learned in BLAME) or (learned is Stance.SUPPORT and ruled in BLAME)


def train(
    examples: Sequence[tuple[set[str], str]], c: float = C, threshold: float = THRESHOLD,
    override: float | None = OVERRIDE,
) -> Model:
    """Fit a model on ``(features, gold stance)`` pairs (scikit-learn's
    LogisticRegression, L2, ``C=c``); weights are rounded so the file is stable."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise UsageError("training a stance model needs scikit-learn: pip install 'kg[train]'") from exc
    if len({label for _, label in examples}) < 2:
        raise UsageError("training a stance model needs examples of at least two stances")
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(sorted(f), 1) for f, _ in examples])
    fit = LogisticRegression(C=c, max_iter=5000).fit(x, [label for _, label in examples])
    labels = tuple(str(k) for k in fit.classes_)
    # two labels: scikit-learn keeps one row, for the second; the first scores zero
    coef = fit.coef_ if len(labels) > 2 else [[0.0] * fit.coef_.shape[1], list(fit.coef_[0])]
    intercepts = fit.intercept_ if len(labels) > 2 else [0.0, fit.intercept_[0]]
    weights = {}
    for j, name in enumerate(vec.get_feature_names_out()):
        w = tuple(round(float(row[j]), 5) for row in coef)
        if any(w):
            weights[str(name)] = w
    return Model(labels, weights, tuple(round(float(b), 5) for b in intercepts), threshold, override)


def save(m: Model, path: str | Path) -> None:
    """Write ``m`` as JSON (labels, threshold, intercepts, weights by feature name)."""
    Path(path).write_text(json.dumps(m.to_json(), indent=0, sort_keys=False) + "\n", encoding="utf-8")
