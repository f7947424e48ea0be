"""Reading articles: the only input I/O of the pipeline.

An article is read exactly as ``Path.read_text(encoding="utf-8")`` reads it (so
offsets agree with every tool that reads files that way), then split into
paragraphs, each marked as headline, standfirst, dateline, body or page
furniture. Furniture stays in the text, so offsets always refer to the
original file; it is only skipped by the extractors.

HTML pages (``.html``, ``.htm``) are reduced to their main text by
trafilatura (:func:`html_text`): navigation, sidebars, bylines, footers and
scripts go. For them ``Article.text`` is trafilatura's plain-text output
(paragraphs one a line) and every offset points into *that* text, not into
the HTML; the page's title, date, canonical URL and site name become the
article's metadata (a sidecar ``.json`` still overrides them).

>>> art = parse_text("a.txt", "Skip to content\\n\\nRussia says no\\n\\nHe said so.")
>>> [p.section.value for p in art.paragraphs]
['furniture', 'headline', 'standfirst']
"""

from __future__ import annotations

import gzip
import json
import logging
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import ArticleError
from .records import Article, Paragraph, Section

log = logging.getLogger(__name__)

#: File suffixes read when a folder is given.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".jsonl.gz")
#: Suffixes of web pages, read through main-text extraction.
HTML_SUFFIXES = (".html", ".htm")
#: Suffixes of JSON Lines corpora: one article a line.
CORPUS_SUFFIXES = (".jsonl", ".jsonl.gz")
#: Metadata fields read from a sidecar ``<article>.json``.
METADATA_FIELDS = ("date", "url", "title", "source")

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v]*\n\s*")
_CREDIT = re.compile(
    r"(?:^|[\s.])(?:[A-Z][A-Za-z.'\-]+(?:\s+[A-Z][A-Za-z.'\-]+)*)\s*/\s*"
    r"(?:AP|AFP|Reuters|Getty Images|EPA|Shutterstock|Bloomberg|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)\s*$"
)
_DATELINE = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{4}|\d{4}-\d{2}-\d{2})\.?$"
)


@lru_cache(maxsize=1)
def _furniture_patterns() -> tuple[re.Pattern[str], ...]:
    text = resources.files("kg.data").joinpath("furniture.txt").read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.splitlines()]
    return tuple(re.compile(ln, re.IGNORECASE) for ln in lines if ln and not ln.startswith("#"))


def is_furniture_line(line: str) -> bool:
    """True for navigation, sharing, promotion and credit lines.

    >>> is_furniture_line("» READ MORE: The U.S. and Russia are still far apart")
    True
    >>> is_furniture_line("Russia denies any part in the war.")
    False
    """
    s = line.strip()
    if not s:
        return True
    if any(p.fullmatch(s) for p in _furniture_patterns()):
        return True
    return bool(_CREDIT.search(s)) and len(s.split()) <= 8


def _split(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blocks separated by blank lines, or single lines when
    the text has no blank lines at all (one paragraph per line)."""
    breaks = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else re.compile(r"\n\s*")
    spans, pos = [], 0
    for m in breaks.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _caption_duplicates(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Indices of paragraphs that repeat another one (photo captions printed
    twice, the second time glued to a credit or a "Read more" link)."""
    seen: set[int] = set()
    norm = [" ".join(text[s:e].split()) for s, e in spans]
    for i, a in enumerate(norm):
        if len(a) < 40:
            continue
        for j in range(i + 1, len(norm)):
            b = norm[j]
            if b == a or b.startswith(a) or a.startswith(b) and len(b) >= 40:
                seen.update((i, j))
    return seen


def _glued_credit(text: str) -> bool:
    """A caption line ends with a glued credit such as "...Read moreJANE DOE / AP"."""
    return bool(re.search(r"Read more\s*[A-Z][A-Z .'\-]+/\s*\w+\s*$", text))


def segment(text: str) -> tuple[Paragraph, ...]:
    """Split ``text`` into paragraphs and mark each one's section."""
    spans = _split(text)
    captions = _caption_duplicates(text, spans)
    paragraphs: list[Paragraph] = []
    kept = 0
    for i, (s, e) in enumerate(spans):
        block = text[s:e]
        if i in captions or _glued_credit(block) or all(
            is_furniture_line(ln) for ln in block.splitlines()
        ):
            section = Section.FURNITURE
        elif _DATELINE.match(block.strip()):
            section = Section.DATELINE
        elif kept == 0 and len(block) <= 250 and "\n" not in block:
            section = Section.HEADLINE
            kept += 1
        elif kept == 1 and len(block) <= 320 and "\n" not in block:
            section = Section.STANDFIRST
            kept += 1
        else:
            section = Section.BODY
            kept += 1
        paragraphs.append(Paragraph(s, e, section))
    return tuple(paragraphs)


def parse_text(doc: str, text: str, path: str = "", **metadata: str | None) -> Article:
    """Build an :class:`Article` from text already in memory."""
    if not text.strip():
        raise ArticleError(path or doc, "empty file (no text)")
    return Article(doc=doc, text=text, paragraphs=segment(text), path=path, **metadata)


def _decode(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ArticleError(str(path), f"cannot read file ({e.strerror or e})") from None
    if not raw.strip():
        raise ArticleError(str(path), "empty file (no text)")
    if b"\x00" in raw[:8192]:
        raise ArticleError(str(path), "binary file (contains NUL bytes), not a text article")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ArticleError(
            str(path), f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start})"
        ) from None
    # universal newlines, as Path.read_text does, so offsets agree with it
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _sidecar(path: Path) -> dict[str, str | None]:
    side = path.with_suffix(".json")
    if not side.is_file():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ArticleError(str(side), f"unreadable metadata sidecar ({e})") from None
    if not isinstance(data, dict):
        raise ArticleError(str(side), "metadata sidecar is not a JSON object")
    return {k: str(data[k]) for k in METADATA_FIELDS if data.get(k) is not None}


def html_text(raw: bytes | str) -> tuple[str, dict[str, str]]:
    """The main text of a web page and its metadata (title, date, url, source).

    The text is what ``trafilatura.bare_extraction`` returns with comments and
    tables left out, newlines normalised; offsets of statements from an HTML
    article point into it. Returns ``("", {})`` when the page has no main text.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None or not (doc.text or "").strip():
        return "", {}
    found = {"title": doc.title, "date": doc.date, "url": doc.url, "source": doc.sitename}
    meta = {k: str(v) for k, v in found.items() if v}
    return doc.text.replace("\r\n", "\n").replace("\r", "\n"), meta


def _read_html(p: Path) -> Article:
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise ArticleError(str(p), f"cannot read file ({e.strerror or e})") from None
    if not raw.strip():
        raise ArticleError(str(p), "empty file (no text)")
    text, meta = html_text(raw)
    if not text:
        raise ArticleError(str(p), "no main text found in the HTML page")
    return parse_text(p.name, text, str(p), **{**meta, **_sidecar(p)})


def read_article(path: str | Path) -> Article:
    """Read one article file; raises :class:`ArticleError` naming the file."""
    p = Path(path)
    if p.name.lower().endswith(HTML_SUFFIXES):
        return _read_html(p)
    text = _decode(p)
    return parse_text(p.name, text, str(p), **_sidecar(p))


def is_corpus(path: str | Path) -> bool:
    """A JSON Lines corpus (``.jsonl`` or ``.jsonl.gz``) rather than one article."""
    return str(path).lower().endswith(CORPUS_SUFFIXES)


def read_corpus(path: str | Path, errors: list[ArticleError]) -> Iterator[Article]:
    """Articles of a JSON Lines corpus, one JSON object a line::

        {"id": "a1", "text": "...", "date": "2022-01-13", "url": "...", "title": "...", "source": "..."}

    ``id`` and ``text`` are required; ``id`` becomes the statements' ``doc`` and
    offsets point into ``text``. A bad line is appended to ``errors`` as
    ``FILE:LINE: reason`` and the other lines are still read.
    """
    p = Path(path)
    try:
        raw = gzip.open(p, "rb").read() if p.name.lower().endswith(".gz") else p.read_bytes()
    except (OSError, EOFError) as e:
        errors.append(ArticleError(str(p), f"cannot read corpus ({e})"))
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        errors.append(ArticleError(str(p), f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start})"))
        return
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{p}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(ArticleError(where, f"not a JSON object ({e.msg})"))
            continue
        if not isinstance(obj, dict):
            errors.append(ArticleError(where, "not a JSON object"))
            continue
        doc, body = obj.get("id"), obj.get("text")
        if not isinstance(doc, str | int) or str(doc).strip() == "":
            errors.append(ArticleError(where, "missing \"id\" (need id and text)"))
            continue
        doc = str(doc)
        if doc in seen:
            errors.append(ArticleError(where, f"duplicate id {doc!r}"))
            continue
        if not isinstance(body, str) or not body.strip():
            errors.append(ArticleError(where, f"article {doc!r} has no text"))
            continue
        seen.add(doc)
        meta = {k: str(obj[k]) for k in METADATA_FIELDS if obj.get(k) is not None}
        yield parse_text(doc, body.replace("\r\n", "\n").replace("\r", "\n"), where, **meta)


def find_articles(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every article file under ``paths``: folders recursively, in sorted order.

    A path that does not exist raises :class:`ArticleError`.
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if f.is_file() and f.name.lower().endswith(ARTICLE_SUFFIXES) and not any(
                    part.startswith(".") for part in rel
                ):
                    yield f
        elif p.is_file():
            yield p
        else:
            raise ArticleError(str(p), "no such file or folder")
