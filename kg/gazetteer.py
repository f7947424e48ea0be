"""The actor gazetteer: countries, their capitals and demonyms, and international bodies.

Names of countries come from pycountry; display labels, extra aliases, capitals and
seats of government, demonyms and organizations come from the data files in
``kg/data/`` (``country_names.tsv``, ``capitals.tsv``, ``demonyms.tsv``,
``organizations.tsv``). Everything is read once, on the first call.

A name resolves to one :class:`Entry`, whichever way a news text refers to it:

>>> [lookup(n).label for n in ("Moscow", "the Kremlin", "Russia’s", "Russian")]
['Russia', 'Russia', 'Russia', 'Russia']
>>> lookup("U.S.").label, lookup("North Atlantic Treaty Organization").label
('United States', 'NATO')
>>> lookup("us") is None, lookup("Ryabkov") is None
(True, True)

How names match, and why:

* names longer than 4 characters match case-insensitively ("RUSSIA", "Russia");
  shorter ones, capitals and demonyms match only as written or in all capitals, since
  "us", "who", "polish" and "nice" are ordinary words in lower case; so are a few
  longer names ("china", "turkey") marked with ``=`` in the data files;
* a leading "the", a trailing possessive ('s, ’s, '), curly apostrophes, accents and the
  dots of abbreviations are ignored ("the U.S.'s" is "US");
* when the same name is listed twice for different actors, an alias written in
  ``country_names.tsv`` or ``organizations.tsv`` beats a pycountry name, which beats a
  capital, which beats a demonym; two different actors at the same level are a data
  error (:class:`~kg.errors.KGError`).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry

from .errors import KGError
from .records import ActorType

__all__ = ["Entry", "country_of", "is_demonym", "lookup"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Entry:
    """A canonical actor of the gazetteer.

    >>> Entry("NATO", "NATO", ActorType.ORGANIZATION).type.value
    'Organization'
    """

    key: str  # canonical key; equal to the label
    label: str  # display label, e.g. "United States"
    type: ActorType


# Precedence when one name is listed for two actors: a lower number wins.
_EXPLICIT, _PYCOUNTRY, _CAPITAL, _DEMONYM = range(4)
_SOURCE = {
    _EXPLICIT: "country_names.tsv/organizations.tsv",
    _PYCOUNTRY: "pycountry",
    _CAPITAL: "capitals.tsv",
    _DEMONYM: "demonyms.tsv",
}

#: Names this long or shorter match only as written (or in all capitals).
SHORT = 4

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")

# A match key is (mode, form): "fold" keys hold the case-folded form of names matched
# case-insensitively; "exact" keys the form as written; "caps" keys the upper-cased form
# of exact names, so that headlines in capitals ("MOSCOW WARNS") still match.
_Key = tuple[str, str]


@dataclass(frozen=True)
class _Index:
    entries: dict[str, Entry]  # label -> entry
    names: dict[_Key, tuple[int, str]]  # match key -> (precedence, label)
    demonyms: frozenset[_Key]
    adjectives: dict[str, str]  # country label -> its first singular adjective ("Serbian")


def _normalise(text: str) -> str:
    """The form in which names are compared (possessives are handled by :func:`_forms`).

    >>> _normalise("  the U.S.A. ")
    'USA'
    >>> _normalise("Côte d’Ivoire")
    "Cote d'Ivoire"
    """
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).replace(".", "")
    text = " ".join(text.split()).strip(' ,;:"“”')
    if text[:4].lower() == "the ":
        text = text[4:].lstrip()
    return text


def _forms(name: str) -> Iterator[str]:
    """The normalised name, then the name without a trailing possessive.

    The full form comes first so that "St. George's" (Grenada) is not read as a
    possessive.

    >>> list(_forms("the Kremlin’s"))
    ["Kremlin's", 'Kremlin']
    """
    form = _normalise(name)
    if not form:
        return
    yield form
    if form.endswith("'s"):
        yield form[:-2].rstrip()
    elif form.endswith("'"):
        yield form[:-1].rstrip()


def _name_keys(form: str, exact: bool) -> list[_Key]:
    """The keys under which a normalised alias is stored."""
    if exact or len(form) <= SHORT:
        return [("exact", form), ("caps", form.upper())]
    return [("fold", form.casefold())]


def _query_keys(form: str) -> list[_Key]:
    """The keys a normalised query may match."""
    keys = [("exact", form), ("fold", form.casefold())]
    if form.isupper():
        keys.append(("caps", form))
    return keys


def _rows(name: str, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of a TSV data file, skipping blank and ``#`` lines."""
    text = resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != len(columns):
            raise KGError(
                f"{name}:{lineno}: expected {len(columns)} tab-separated columns "
                f"({', '.join(columns)}), got {len(cells)}: {line!r}"
            )
        yield lineno, cells


def _aliases(cell: str) -> list[str]:
    """The ``|``-separated aliases of a cell; ``-`` means none."""
    return [] if cell == "-" else [a.strip() for a in cell.split("|") if a.strip()]


class _Builder:
    """Collects entries and names, resolving clashes by precedence."""

    def __init__(self, exact_forms: frozenset[str]) -> None:
        self.exact_forms = exact_forms
        self.entries: dict[str, Entry] = {}
        self.names: dict[_Key, tuple[int, str]] = {}
        self.demonyms: set[_Key] = set()

    def entry(self, label: str, type_: ActorType, where: str) -> None:
        if label in self.entries:
            raise KGError(f"{where}: label {label!r} is already an actor of the gazetteer")
        self.entries[label] = Entry(label, label, type_)

    def target(self, label: str, where: str) -> str:
        if label not in self.entries:
            raise KGError(
                f"{where}: unknown label {label!r}; use the label of a country "
                "(country_names.tsv, else pycountry's common name or name) or of "
                "an organization in organizations.tsv"
            )
        return label

    def name(self, alias: str, label: str, level: int, exact: bool = False) -> list[_Key]:
        form = _normalise(alias)
        if not form:
            return []
        keys = _name_keys(form, exact or form in self.exact_forms)
        for key in keys:
            old = self.names.get(key)
            if old is None or level < old[0]:
                self.names[key] = (level, label)
            elif old[1] != label and level == old[0]:
                raise KGError(
                    f"{alias!r} names both {old[1]!r} and {label!r} in {_SOURCE[level]}; keep one of them"
                )
            elif old[1] != label:
                log.debug("%r stays %r (%s), not %r", alias, old[1], _SOURCE[old[0]], label)
        return keys


def _exact_forms(files: Iterable[tuple[str, tuple[str, ...], int]]) -> frozenset[str]:
    """Aliases marked ``=`` (matched only as written), normalised."""
    return frozenset(
        _normalise(alias[1:])
        for name, columns, col in files
        for _, cells in _rows(name, columns)
        for alias in _aliases(cells[col])
        if alias.startswith("=")
    )


_COUNTRY_COLUMNS = ("code", "label", "aliases")
_ORG_COLUMNS = ("label", "type", "aliases")


@lru_cache(maxsize=1)
def _index() -> _Index:
    build = _Builder(
        _exact_forms([("country_names.tsv", _COUNTRY_COLUMNS, 2), ("organizations.tsv", _ORG_COLUMNS, 2)])
    )

    rows: dict[str, tuple[str, str, list[str]]] = {}
    for lineno, (code, label, aliases) in _rows("country_names.tsv", _COUNTRY_COLUMNS):
        where = f"country_names.tsv:{lineno}"
        if code in rows:
            raise KGError(f"{where}: code {code!r} is listed twice")
        rows[code] = (where, label, [a.lstrip("=") for a in _aliases(aliases)])

    # Countries: label and listed aliases first, then pycountry's names.
    known = {country.alpha_2: country for country in pycountry.countries}
    for code in sorted(known.keys() | rows.keys()):
        country = known.get(code)
        where, label, aliases = rows.get(code, (f"pycountry {code}", "-", []))
        if label == "-":
            if country is None:
                raise KGError(f"{where}: {code!r} is not in pycountry, so it needs a label")
            label = getattr(country, "common_name", None) or country.name
        build.entry(label, ActorType.COUNTRY, where)
        for alias in (label, *aliases):
            build.name(alias, label, _EXPLICIT)
        if country is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    build.name(value, label, _PYCOUNTRY)
                    build.name(_PARENTHESIS.sub("", value), label, _PYCOUNTRY)

    valid_types = {t.value: t for t in (ActorType.ORGANIZATION, ActorType.GROUP)}
    for lineno, (label, type_, aliases) in _rows("organizations.tsv", _ORG_COLUMNS):
        where = f"organizations.tsv:{lineno}"
        if type_ not in valid_types:
            raise KGError(f"{where}: type {type_!r} is not one of {', '.join(valid_types)}")
        build.entry(label, valid_types[type_], where)
        for alias in (label, *(a.lstrip("=") for a in _aliases(aliases))):
            build.name(alias, label, _EXPLICIT)

    for lineno, (name, label) in _rows("capitals.tsv", ("name", "label")):
        build.name(name, build.target(label, f"capitals.tsv:{lineno}"), _CAPITAL, exact=True)

    adjectives: dict[str, str] = {}
    for lineno, (word, label) in _rows("demonyms.tsv", ("demonym", "label")):
        target = build.target(label, f"demonyms.tsv:{lineno}")
        build.demonyms.update(build.name(word, target, _DEMONYM, exact=True))
        if word[:1].isupper() and not word.endswith("s") and "." not in word:
            adjectives.setdefault(target, word)

    return _Index(build.entries, build.names, frozenset(build.demonyms), adjectives)


def lookup(name: str) -> Entry | None:
    """The canonical entry for a country, capital, metonym, acronym, demonym or organization.

    ``None`` when the gazetteer does not know the name (people, for instance).

    >>> lookup("Washington").label, lookup("Western").label
    ('United States', 'the West')
    >>> lookup("Organization for Security and Cooperation in Europe").type
    <ActorType.ORGANIZATION: 'Organization'>
    """
    index = _index()
    for form in _forms(name):
        # The highest precedence wins; between equals, an exact match beats a folded one.
        hits = [
            (index.names[k][0], i, index.names[k][1])
            for i, k in enumerate(_query_keys(form))
            if k in index.names
        ]
        if hits:
            return index.entries[min(hits)[2]]
    return None


def country_of(name: str) -> Entry | None:
    """The country a name stands for (a country, capital, metonym or demonym), else ``None``.

    >>> country_of("the White House").label
    'United States'
    >>> country_of("NATO") is None
    True
    """
    entry = lookup(name)
    return entry if entry is not None and entry.type is ActorType.COUNTRY else None


def is_demonym(word: str) -> bool:
    """Whether a word is a demonym or country adjective listed in ``demonyms.tsv``.

    >>> is_demonym("Ukrainian"), is_demonym("U.S."), is_demonym("Ukraine"), is_demonym("polish")
    (True, True, False, False)
    """
    index = _index()
    return any(key in index.demonyms for form in _forms(word) for key in _query_keys(form))


def adjective(label: str) -> str | None:
    """The adjective of a country's label, for naming its bodies ("Serbian Foreign Ministry").

    >>> adjective("Serbia"), adjective("United States"), adjective("Atlantis")
    ('Serbian', 'American', None)
    """
    return _index().adjectives.get(label)
