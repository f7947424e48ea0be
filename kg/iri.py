"""Deterministic IRIs: the same input always gives the same names.

Actors and topics are named by a slug of their canonical key, articles by a slug
of their file name, statements by a hash of what identifies them (article,
evidence span, speaker, stance, cue), never by a counter or a blank node.

>>> Iris().actor("Vladimir Putin")
rdflib.term.URIRef('https://w3id.org/newsgraph/id/actor/vladimir-putin')
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from rdflib import URIRef

from .vocab import DEFAULT_BASE


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; a hash when nothing is left.

    >>> slug("Russia’s Foreign Ministry")
    'russias-foreign-ministry'
    """
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    if not s:
        s = "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return s[:80]


def digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Iris:
    """IRI factory under one configurable base."""

    base: str = DEFAULT_BASE

    def actor(self, key: str) -> URIRef:
        return URIRef(f"{self.base}actor/{slug(key)}")

    def topic(self, key: str) -> URIRef:
        return URIRef(f"{self.base}topic/{slug(key)}")

    def article(self, doc: str) -> URIRef:
        return URIRef(f"{self.base}article/{slug(doc)}")

    def extractor(self, name: str) -> URIRef:
        return URIRef(f"{self.base}extractor/{slug(name)}")

    def statement(self, doc: str, start: int, end: int, speaker: str, stance: str, cue: str) -> URIRef:
        return URIRef(f"{self.base}statement/{slug(doc)}-{digest(doc, start, end, speaker, stance, cue)}")
