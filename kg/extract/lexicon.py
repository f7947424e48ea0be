"""The cue and evaluative lexicons: data files read once, on first use.

>>> cue = cues()[("accuse", "VERB")]
>>> cue.stance, cue.cameo
(<Stance.ACCUSE: 'accuse'>, '112')
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..records import Stance

#: Stances that win ties when content words signal more than one.
STANCE_PRIORITY = (
    Stance.WARN,
    Stance.CRITICIZE,
    Stance.ACCUSE,
    Stance.OPPOSE,
    Stance.THREATEN,
    Stance.DEMAND,
    Stance.DENY,
    Stance.SUPPORT,
    Stance.CLAIM,
)


@dataclass(frozen=True)
class Cue:
    """One entry of ``data/cues.tsv``."""

    lemma: str
    pos: str
    stance: Stance | None  # None: a neutral speech verb, stance from the content
    negated: Stance
    cameo: str
    fine: str

    @property
    def is_speech(self) -> bool:
        return self.stance is None


def _rows(name: str) -> list[list[str]]:
    text = resources.files("kg.extract.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def cues() -> dict[tuple[str, str], Cue]:
    """Cue entries keyed by ``(lemma, pos)``; multi-word cues keep their space."""
    out = {}
    for lemma, pos, stance, negated, cameo, fine in _rows("cues.tsv"):
        out[(lemma, pos)] = Cue(
            lemma,
            pos,
            None if stance == "content" else Stance(stance),
            Stance(negated),
            "" if cameo == "-" else cameo,
            fine,
        )
    return out


@lru_cache(maxsize=1)
def evaluative() -> dict[str, tuple[Stance | None, Stance | None]]:
    """Evaluative lemma -> (stance when plain, stance when negated)."""
    def st(x: str) -> Stance | None:
        return None if x == "-" else Stance(x)

    return {lemma: (st(a), st(b)) for lemma, a, b in _rows("evaluative.tsv")}


def strongest(counts: Counter[Stance], depth: dict[Stance, int] | None = None) -> Stance:
    """The stance with most votes; ties go to the stance whose word sits highest in the
    clause (``depth``, when given), then by :data:`STANCE_PRIORITY`."""
    if not counts:
        return Stance.CLAIM
    depth = depth or {}
    return max(counts, key=lambda s: (counts[s], -depth.get(s, 0), -STANCE_PRIORITY.index(s)))
