"""Extractors: parsed article -> statement candidates.

``run(article, doc)`` applies every registered extractor (or the ones named),
drops duplicates (two extractors, or two cues, finding the same statement) and
fills in the speaker of follow-on quotations from the statement before them;
statements the rules judged neutral get the learned model's second opinion
(:mod:`kg.extract.learned`).

>>> from kg.extract.registry import REGISTRY
>>> sorted(REGISTRY)
['nominal', 'quotes', 'speech']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from ..errors import UsageError
from ..records import Article, Candidate, Section
from . import learned
from .base import CARRY, Context, Extractor
from .mentions import Discourse
from .registry import REGISTRY

__all__ = ["REGISTRY", "Context", "Extractor", "analyse", "person_names", "run", "select"]


def select(names: Iterable[str] | None = None) -> dict[str, Extractor]:
    """The registered extractors called ``names`` (all when None)."""
    if names is None:
        return dict(REGISTRY)
    out = {}
    for n in names:
        if n not in REGISTRY:
            raise UsageError(f"unknown extractor {n!r}; valid: {', '.join(sorted(REGISTRY))}")
        out[n] = REGISTRY[n]
    return out


def _key(c: Candidate) -> tuple:
    return (c.speaker.name.lower(), c.cue_start)


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Keep one candidate per (speaker, cue) and drop a later extractor's
    candidate whose content lies inside an earlier one's evidence for the
    same speaker (or any speaker, for a follow-on quote)."""
    out: list[Candidate] = []
    seen: set[tuple] = set()
    for c in cands:
        k = _key(c)
        if k in seen:
            continue
        dup = False
        for o in out:
            if o.extractor == c.extractor:
                continue
            inside = o.start <= c.content_start and c.content_end <= o.end
            if inside and (c.speaker is CARRY or c.speaker.name.lower() == o.speaker.name.lower()):
                dup = True
                break
        if not dup:
            seen.add(k)
            out.append(c)
    return out


def carry_speakers(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """Give follow-on quotes the speaker of the statement right before them, in
    the same paragraph or the one just before; drop them when there is none."""
    paragraphs = [p for p in ctx.article.paragraphs if p.section not in (Section.FURNITURE, Section.DATELINE)]

    def para_index(pos: int) -> int:
        for i, p in enumerate(paragraphs):
            if p.start <= pos < p.end:
                return i
        return -1

    # a statement and a carried one starting together: the carried one comes second
    ordered = sorted(cands, key=lambda c: (c.start, c.speaker is CARRY, c.cue_start))
    out: list[Candidate] = []
    last: Candidate | None = None
    for c in ordered:
        if c.speaker is CARRY:
            if last is not None and 0 <= para_index(c.start) - para_index(last.start) <= 1:
                c = replace(c, speaker=last.speaker, confidence=round(min(c.confidence, last.confidence) - 0.05, 2))
            else:
                continue
        out.append(c)
        if ctx.section(c.start) != Section.HEADLINE:
            last = c
    return out


#: A sentence of the narrator's own between two quotations ("“…,” one official said. Another
#: was gloomier. “…”"): what follows it is no continuation of the first.
NARRATED = re.compile(r"[.!?][\"”’']?\s+\S*[^\W\d_]")


def join_continuations(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """A quotation that runs on in the same paragraph after its attribution is part of
    the statement it continues: "“We will not sign,” she said. “Not this year.”" is one
    statement, as a reader (and our annotators) count it; the statement's evidence and
    content run to the end of the continuation, it keeps its own stance and gains the
    continuation's targets. A follow-on quote in a paragraph of its own stays a
    statement of its own (with the speaker carried over, :func:`carry_speakers`), and so
    does one after a sentence of the narrator's or one whose stance turns the other way
    ("“We welcome the ceasefire,” he said. “But Israel must end the blockade.”")."""
    out: list[Candidate] = []
    # (by start, then cue: the order decides which statement a quotation continues when two
    # start together)
    for c in sorted(cands, key=lambda c: (c.start, c.cue_start)):
        prev = out[-1] if out else None
        if prev is not None and _continues(ctx, prev, c):
            names = {t.name for t in prev.targets}
            gained = tuple(t for t in c.targets if t.name not in names)
            out[-1] = replace(prev, end=max(prev.end, c.end),
                              content_end=max(prev.content_end, c.content_end), targets=prev.targets + gained)
            continue
        out.append(c)
    return out


def _continues(ctx: Context, prev: Candidate, c: Candidate) -> bool:
    """``c`` is a bare quotation running on from ``prev`` (see :func:`join_continuations`)."""
    if c.cue != "quote" or c.speaker.name != prev.speaker.name or prev.end > c.start:
        return False
    if ctx.paragraph_of(prev.start) != ctx.paragraph_of(c.start) or ctx.section(c.start) == Section.HEADLINE:
        return False
    return not NARRATED.search(ctx.article.text[prev.end : c.start]) \
        and prev.stance.polarity * c.stance.polarity >= 0


def person_names(doc: Doc) -> list[str]:
    """Names of the people an article mentions, with first names the tagger missed."""
    from .mentions import Discourse

    return _names(Discourse(doc))


def _names(discourse: Discourse) -> list[str]:
    return sorted({m.name for _, m, _ in discourse.people})


def _run(ctx: Context, names: Iterable[str] | None) -> list[Candidate]:
    cands: list[Candidate] = []
    for extractor in select(names).values():
        cands.extend(extractor(ctx))
    joined = join_continuations(ctx, carry_speakers(ctx, _dedupe(cands)))
    return learned.apply(joined, lambda c: list(ctx.tokens_between(c.content_start, c.content_end)))


def run(article: Article, doc: Doc, names: Iterable[str] | None = None) -> list[Candidate]:
    """All statement candidates of one parsed article, in text order."""
    return _run(Context(article, doc), names)


def analyse(
    article: Article, doc: Doc, names: Iterable[str] | None = None
) -> tuple[list[Candidate], list[str]]:
    """``run`` and ``person_names`` together, sharing one context (the
    people of an article are found once, not twice)."""
    ctx = Context(article, doc)
    return _run(ctx, names), _names(ctx.discourse)
