"""The one interface every extractor implements, and the context it receives.

An extractor is a plain function ``(Context) -> Iterable[Candidate]`` with a
``name``; the registry (``kg/extract/registry.py``) lists them. The context
holds what all of them need, computed once per article: the parse, the
quotations and the discourse state used to resolve speakers.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

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

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.idx for t in self.doc]

    def tokens_between(self, start: int, end: int) -> Span:
        """The tokens that begin at a character in ``[start, end)``, in order."""
        starts = self._token_starts
        return self.doc[bisect_left(starts, start) : bisect_left(starts, end)]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.article.paragraphs]

    def visible(self, tok: Token) -> bool:
        return self.section(tok.idx) not in (Section.FURNITURE, Section.DATELINE)

    def paragraph_of(self, pos: int) -> int:
        """The index of the paragraph holding character ``pos`` (-1 before the first)."""
        return bisect_right(self._paragraph_starts, pos) - 1

    def section(self, pos: int) -> Section:
        """Same answer as ``Article.section_at``, without rebuilding the list of
        paragraph starts on every call (extractors ask once per token)."""
        k = bisect_right(self._paragraph_starts, pos) - 1
        paragraphs = self.article.paragraphs
        if k >= 0 and pos < paragraphs[k].end:
            return paragraphs[k].section
        return Section.FURNITURE
