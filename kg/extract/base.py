"""The one interface every extractor implements, and the context it receives.

An extractor is a plain function ``(Context) -> Iterable[Candidate]`` with a
``name``; the registry (``kg/extract/registry.py``) lists them. The context
holds what all of them need, computed once per article: the parse, the
quotations and the discourse state used to resolve speakers.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Token

from ..records import Article, Candidate, Mention, Section
from .marks import Quote, find_quotes
from .mentions import Discourse

Extractor = Callable[["Context"], Iterable[Candidate]]

#: The speaker of a statement whose speaker is the one of the statement before
#: it (follow-on quotes, "I think" inside a quote); filled in by ``carry_speakers``.
CARRY = Mention(text="", start=0, end=0, name="", label="CARRY")


@dataclass
class Context:
    """Everything an extractor may read about one article."""

    article: Article
    doc: Doc
    discourse: Discourse = field(init=False)

    def __post_init__(self) -> None:
        self.discourse = Discourse(self.doc)

    @cached_property
    def quotes(self) -> tuple[Quote, ...]:
        spans = tuple(
            (p.start, p.end) for p in self.article.paragraphs
            if p.section not in (Section.FURNITURE, Section.DATELINE)
        )
        return find_quotes(self.article.text, spans)

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.inner_start for q in self.quotes]

    def quote_at(self, pos: int) -> Quote | None:
        """The quotation whose inner text contains character ``pos``."""
        # quotations never overlap, so only the last one opening before pos can hold it
        k = bisect_right(self._quote_starts, pos) - 1
        return self.quotes[k] if k >= 0 and self.quotes[k].contains(pos) else None

    def quotes_overlapping(self, start: int, end: int) -> list[Quote]:
        return [q for q in self.quotes if q.start < end and start < q.end]

    def visible(self, tok: Token) -> bool:
        return self.article.section_at(tok.idx) not in (Section.FURNITURE, Section.DATELINE)

    def section(self, pos: int) -> Section:
        return self.article.section_at(pos)
