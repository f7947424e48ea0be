"""Finding quotations in text: pairing quotation marks, best effort, never failing.

Works on characters, before and independently of the parse, so a quote can run
across sentences and paragraphs. Handles straight and curly double marks,
guillemets, single marks used as outer quotes (headline style: ‘no grounds’),
single marks nested inside double ones (ignored: they belong to the outer
quote), a paragraph that opens a quote and does not close it (the quote runs on
into the next paragraph when that one opens with a mark, news style), and stray
marks (ignored).

>>> [(q.start, q.end) for q in find_quotes('He said "yes, we will" and left.')]
[(8, 22)]
>>> find_quotes('A stray ” mark.')
()
>>> [q.closed for q in find_quotes('She said: "the talks run on to the end')]
[False]
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
STRAIGHT_DOUBLE = '"'
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
STRAIGHT_SINGLE = "'"


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks; ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True  # False: ran to the paragraph's end without a closing mark

    def contains(self, pos: int) -> bool:
        return self.inner_start <= pos < self.inner_end


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _double_events(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Opening ('o') and closing ('c') double marks in ``text[start:end]``."""
    events: list[tuple[int, str]] = []
    is_open = False
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN_DOUBLE:
            role = "o"
        elif ch in CLOSE_DOUBLE:
            role = "c"
        elif ch == STRAIGHT_DOUBLE:
            prev = text[i - 1] if i > start else " "
            nxt = text[i + 1] if i + 1 < end else " "
            if is_open:
                role = "c"
            elif prev.isspace() or prev in "([{—–-:;/" or i == start:
                role = "o"
            elif not _is_word(nxt):
                role = "c"
            else:
                role = "o"
        else:
            continue
        events.append((i, role))
        is_open = role == "o"
    return events


def _single_events(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Single marks that act as quotation marks (not apostrophes)."""
    events = []
    for i in range(start, end):
        ch = text[i]
        if ch not in OPEN_SINGLE + CLOSE_SINGLE + STRAIGHT_SINGLE:
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if (prev.isspace() or prev in "([{—–-:\"“") and _is_word(nxt) and ch != "’":
            events.append((i, "o"))
        elif (_is_word(prev) or prev in ".,!?") and not _is_word(nxt) and ch != "‘":
            # a closing mark, or a plural possessive ("the states' rights"):
            # it only counts when an opening mark is pending, see _pair
            events.append((i, "c"))
    return events


def _pair(events: list[tuple[int, str]]) -> tuple[list[tuple[int, int]], int | None]:
    """Pair opening and closing marks; returns pairs and a dangling opener."""
    pairs: list[tuple[int, int]] = []
    opener: int | None = None
    for pos, role in events:
        if role == "o":
            if opener is None:
                opener = pos
            # a second opener before any closer: keep the first (best effort)
        elif opener is not None:
            pairs.append((opener, pos))
            opener = None
    return pairs, opener


def quotes_in(text: str, start: int, end: int) -> tuple[list[Quote], int | None]:
    """Quotes inside one paragraph, plus the position of an unclosed opening mark."""
    pairs, dangling = _pair(_double_events(text, start, end))
    quotes = [Quote(a, b + 1, a + 1, b) for a, b in pairs]
    # single marks as outer quotes, only where no double quote covers them
    spairs, _ = _pair(_single_events(text, start, end))
    for a, b in spairs:
        if b - a < 3 or any(q.start <= a < q.end for q in quotes):
            continue
        if dangling is not None and a > dangling:
            continue
        quotes.append(Quote(a, b + 1, a + 1, b))
    quotes.sort(key=lambda q: q.start)
    return quotes, dangling


def find_quotes(text: str, paragraphs: tuple[tuple[int, int], ...] | None = None) -> tuple[Quote, ...]:
    """All quotations in ``text``, given its paragraph spans (default: one paragraph).

    A paragraph whose opening mark is never closed yields a quote running to
    the paragraph's end (``closed=False``): in news, a multi-paragraph quote
    leaves its closing mark off every paragraph but the last.
    """
    spans = paragraphs if paragraphs is not None else ((0, len(text)),)
    out: list[Quote] = []
    for s, e in spans:
        quotes, dangling = quotes_in(text, s, e)
        out.extend(quotes)
        if dangling is not None and e - dangling > 1:
            inner_end = e
            while inner_end > dangling + 1 and text[inner_end - 1].isspace():
                inner_end -= 1
            out.append(Quote(dangling, e, dangling + 1, inner_end, closed=False))
    out.sort(key=lambda q: q.start)
    return tuple(out)
