"""The error hierarchy: every error the library raises derives from :class:`KGError`."""

from __future__ import annotations


class KGError(Exception):
    """Base class of every error raised by ``kg``."""


class ArticleError(KGError):
    """An input document could not be read; names the file and the reason.

    >>> str(ArticleError("a.txt", "empty file"))
    'a.txt: empty file'
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelError(KGError):
    """The spaCy model is missing or unusable."""


class UsageError(KGError):
    """A bad option or argument; the message lists the valid choices."""


class GoldError(KGError):
    """A gold annotation file is malformed."""
