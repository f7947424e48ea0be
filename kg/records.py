"""The records that flow between stages: plain, frozen, serialisable values.

No spaCy object ever leaves an extractor: every record here holds only strings,
numbers, enums and tuples, so statements can be cached, pickled, written as JSON
and compared for equality.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from enum import Enum


class Stance(str, Enum):
    """The base stance vocabulary (see ``ontology/stances.ttl``).

    >>> Stance.ACCUSE.polarity
    -1
    """

    SUPPORT = "support"
    CLAIM = "claim"
    OPPOSE = "oppose"
    CRITICIZE = "criticize"
    ACCUSE = "accuse"
    DEMAND = "demand"
    THREATEN = "threaten"
    WARN = "warn"
    DENY = "deny"

    @property
    def polarity(self) -> int:
        """+1 friendly, 0 neutral, -1 hostile."""
        return _POLARITY[self]


_POLARITY = {
    Stance.SUPPORT: 1,
    Stance.CLAIM: 0,
    Stance.OPPOSE: -1,
    Stance.CRITICIZE: -1,
    Stance.ACCUSE: -1,
    Stance.DEMAND: -1,
    Stance.THREATEN: -1,
    Stance.WARN: -1,
    Stance.DENY: -1,
}


class ActorType(str, Enum):
    PERSON = "Person"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    GROUP = "Group"


class Kind(str, Enum):
    """How the statement is reported."""

    DIRECT = "direct"  # wholly inside quotation marks
    MIXED = "mixed"  # reported, with a quoted fragment
    INDIRECT = "indirect"  # reported speech or a speech act


class Section(str, Enum):
    """The role of a paragraph in an article."""

    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    DATELINE = "dateline"
    BODY = "body"
    FURNITURE = "furniture"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of an article: character offsets into the original text."""

    start: int
    end: int
    section: Section


@dataclass(frozen=True)
class Article:
    """One input document.

    ``text`` is the original text exactly as decoded; every offset anywhere in
    the pipeline points into it. Page furniture is not removed from ``text``:
    it is only marked in ``paragraphs``.
    """

    doc: str  # the file's name, the key used in statements.jsonl
    text: str
    paragraphs: tuple[Paragraph, ...]
    path: str = ""
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    def section_at(self, offset: int) -> Section:
        """The section of the paragraph holding ``offset`` (furniture between paragraphs)."""
        k = bisect_right([p.start for p in self.paragraphs], offset) - 1
        if k >= 0 and offset < self.paragraphs[k].end:
            return self.paragraphs[k].section
        return Section.FURNITURE


@dataclass(frozen=True)
class Mention:
    """A span of text that names an actor (or a topic), before canonicalisation.

    ``label`` is the spaCy entity label when there is one (PERSON, ORG, GPE,
    NORP, ...) or a coarse kind such as ``NOUN`` for descriptors and topics.
    ``name`` is the best name the extractor could find for the actor behind the
    mention: for "he" it is the antecedent's text, for "Kremlin spokesman
    Dmitry Peskov" it is "Dmitry Peskov".
    """

    text: str
    start: int
    end: int
    name: str
    label: str = ""
    role: str = ""  # a title found with the mention: "Deputy Foreign Minister"
    affiliation: str = ""  # a place or body named with it: "Russian", "Kremlin"
    plural: bool = False


@dataclass(frozen=True)
class Candidate:
    """What an extractor reports: a statement whose actors are still mentions."""

    speaker: Mention
    stance: Stance
    kind: Kind
    cue: str  # the cue's lemma, "say", "accuse", "according to"
    cue_start: int
    cue_end: int
    start: int  # the evidence span
    end: int
    content_start: int  # the quote or reported content
    content_end: int
    targets: tuple[Mention, ...] = ()
    extractor: str = ""
    confidence: float = 0.5
    stance_fine: str = ""  # the cue lexicon's own label, e.g. "condemn"


@dataclass(frozen=True)
class Actor:
    """A canonical actor: one node per real-world speaker or target."""

    key: str  # stable identifier, the basis of its IRI
    label: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    role: str = ""
    affiliation: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    """A non-actor target: an issue such as "security talks"."""

    key: str
    label: str


Target = Actor | Topic


@dataclass(frozen=True)
class Statement:
    """A resolved statement: who said what, about whom, with what stance."""

    doc: str
    speaker: Actor
    stance: Stance
    kind: Kind
    cue: str
    evidence: str
    start: int
    end: int
    content: str
    content_start: int
    content_end: int
    targets: tuple[Target, ...] = ()
    extractor: str = ""
    confidence: float = 0.5
    section: Section = Section.BODY
    stance_fine: str = ""
    speaker_mention: str = ""
    date: str | None = None
    #: labels of the targets filled in from the article's context (kg.implicit)
    implicit: tuple[str, ...] = ()

    @property
    def polarity(self) -> int:
        return self.stance.polarity
