"""Every extractor, by name: the one place a name can be traced to its code.

Adding an extractor is one module with an ``extract(ctx)`` generator, one line
here and one test file.
"""

from __future__ import annotations

from . import nominal, quotes, speech
from .base import Extractor

#: Extractors in the order they run; earlier ones win when two find the same statement.
REGISTRY: dict[str, Extractor] = {
    speech.NAME: speech.extract,
    nominal.NAME: nominal.extract,
    quotes.NAME: quotes.extract,
}
