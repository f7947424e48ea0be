"""The gazetteer resolves the ways news text names countries and international bodies."""

from __future__ import annotations

import pytest

from kg.gazetteer import country_of, is_demonym, lookup
from kg.records import ActorType

C, ORG, G = ActorType.COUNTRY, ActorType.ORGANIZATION, ActorType.GROUP

RESOLVED = [
    # (case, text, expected_label, expected_type)
    ("country name", "Ukraine", "Ukraine", C),
    ("country in capitals", "RUSSIA", "Russia", C),
    ("long name, any case", "germany", "Germany", C),
    ("pycountry name", "Russian Federation", "Russia", C),
    ("pycountry official name", "Federal Republic of Germany", "Germany", C),
    ("pycountry official name with the", "the State of Eritrea", "Eritrea", C),
    ("pycountry inverted name", "Korea, Republic of", "South Korea", C),
    ("pycountry inverted name", "Iran, Islamic Republic of", "Iran", C),
    ("pycountry common name", "Vietnam", "Vietnam", C),
    ("parenthesis dropped", "Holy See", "Vatican", C),
    ("short label", "North Korea", "North Korea", C),
    ("extra alias", "Holland", "Netherlands", C),
    ("extra alias with the", "the Netherlands", "Netherlands", C),
    ("accents ignored", "Cote d'Ivoire", "Ivory Coast", C),
    ("accented spelling", "Türkiye", "Turkey", C),
    ("Congo alone is the DRC", "Congo", "DR Congo", C),
    ("the other Congo", "Republic of the Congo", "Republic of the Congo", C),
    ("country missing from pycountry", "Kosovo", "Kosovo", C),
    ("alias", "Britain", "United Kingdom", C),
    ("alias", "America", "United States", C),
    ("abbreviation", "US", "United States", C),
    ("abbreviation with dots", "U.S.", "United States", C),
    ("abbreviation with dots", "U.S.A.", "United States", C),
    ("abbreviation with dots", "U.K.", "United Kingdom", C),
    ("abbreviation with the", "the UAE", "United Arab Emirates", C),
    ("possessive", "Russia's", "Russia", C),
    ("possessive, curly apostrophe", "Russia’s", "Russia", C),
    ("possessive of an abbreviation", "the U.S.'s", "United States", C),
    ("bare possessive", "Netherlands'", "Netherlands", C),
    ("capital", "Moscow", "Russia", C),
    ("capital", "Washington", "United States", C),
    ("capital", "Kyiv", "Ukraine", C),
    ("capital, old spelling", "Kiev", "Ukraine", C),
    ("capital in capitals", "BEIJING", "China", C),
    ("capital with accent dropped", "Bogota", "Colombia", C),
    ("capital with a possessive", "Tehran's", "Iran", C),
    ("capital ending in 's", "St. George's", "Grenada", C),
    ("metonym", "the Kremlin", "Russia", C),
    ("metonym, possessive", "the Kremlin’s", "Russia", C),
    ("metonym", "White House", "United States", C),
    ("metonym", "the Pentagon", "United States", C),
    ("metonym", "Downing Street", "United Kingdom", C),
    ("metonym with abbreviation", "No. 10", "United Kingdom", C),
    ("metonym", "Elysee", "France", C),
    ("metonym, curly apostrophe", "Quai d’Orsay", "France", C),
    ("metonym for an organization", "Brussels", "European Union", ORG),
    ("demonym", "Russian", "Russia", C),
    ("demonym", "American", "United States", C),
    ("demonym", "British", "United Kingdom", C),
    ("plural demonym", "Britons", "United Kingdom", C),
    ("demonym equal to the country name", "Myanmar", "Myanmar", C),
    ("organization by acronym", "NATO", "NATO", ORG),
    ("organization, Guardian style", "Nato", "NATO", ORG),
    ("organization by full name", "North Atlantic Treaty Organization", "NATO", ORG),
    ("organization by British spelling", "North Atlantic Treaty Organisation", "NATO", ORG),
    ("organization by description", "the Western alliance", "NATO", ORG),
    ("organization, Cooperation", "Organization for Security and Cooperation in Europe", "OSCE", ORG),
    ("organization, Co-operation", "Organization for Security and Co-operation in Europe", "OSCE", ORG),
    ("organization with dots", "U.N.", "United Nations", ORG),
    ("organization with dots", "the U.N. Security Council", "UN Security Council", ORG),
    ("organization with dots", "E.U.", "European Union", ORG),
    ("organization possessive", "the EU's", "European Union", ORG),
    ("organization acronym", "IAEA", "International Atomic Energy Agency", ORG),
    ("organization acronym", "WHO", "World Health Organization", ORG),
    ("organization by name", "International Monetary Fund", "International Monetary Fund", ORG),
    ("organization", "the Red Cross", "Red Cross", ORG),
    ("organization", "ICRC", "Red Cross", ORG),
    ("organization", "Amnesty", "Amnesty International", ORG),
    ("organization", "the Taliban", "Taliban", ORG),
    ("organization", "Hizbollah", "Hezbollah", ORG),
    ("group of states", "Group of Seven", "G7", ORG),
    ("group", "the West", "the West", G),
    ("group", "Western powers", "the West", G),
    ("group by adjective", "Western", "the West", G),
    ("group", "the international community", "the international community", G),
]


@pytest.mark.parametrize(
    ("case", "text", "expected_label", "expected_type"), RESOLVED, ids=[r[1] for r in RESOLVED]
)
def test_lookup_resolves(case: str, text: str, expected_label: str, expected_type: ActorType) -> None:
    entry = lookup(text)
    assert entry is not None, case
    assert (entry.label, entry.type) == (expected_label, expected_type), case
    assert entry.key == entry.label


UNKNOWN = [
    # (case, text)
    ("person", "Ryabkov"),
    ("person", "Sergei Lavrov"),
    ("pronoun that looks like US", "us"),
    ("US in title case", "Us"),
    ("word that looks like WHO", "who"),
    ("month", "May"),
    ("French city, not a capital", "Nice"),
    ("capital left out: Malé is 'male'", "Male"),
    ("ISO codes are not aliases", "IN"),
    ("ISO codes are not aliases", "IT"),
    ("ISO codes are not aliases", "AM"),
    ("ISO alpha-3 codes are not aliases", "RUS"),
    ("common word spelled like a country", "china"),
    ("common word spelled like a country", "turkey"),
    ("common word spelled like a country", "guinea"),
    ("common word spelled like an organization", "amnesty"),
    ("lower-case capital", "moscow"),
    ("lower-case demonym", "polish"),
    ("lower-case demonym", "western"),
    ("short country name in lower case", "iran"),
    ("too generic", "the alliance"),
    ("too generic", "Security Council"),
    ("possessive stripped only when it is one", "St George"),
    ("Soviet is not a current country", "Soviet"),
    ("empty", ""),
    ("only the", "the"),
]


@pytest.mark.parametrize(("case", "text"), UNKNOWN, ids=[r[1] or "empty" for r in UNKNOWN])
def test_lookup_unknown(case: str, text: str) -> None:
    assert lookup(text) is None, case


COUNTRY_OF = [
    # (case, text, expected label or None)
    ("capital", "Moscow", "Russia"),
    ("metonym", "Zhongnanhai", "China"),
    ("demonym", "Ukrainian", "Ukraine"),
    ("country", "Georgia", "Georgia"),
    ("organization is not a country", "NATO", None),
    ("group is not a country", "the West", None),
    ("metonym for an organization", "Brussels", None),
    ("unknown", "Ryabkov", None),
]


@pytest.mark.parametrize(("case", "text", "expected"), COUNTRY_OF, ids=[r[1] for r in COUNTRY_OF])
def test_country_of(case: str, text: str, expected: str | None) -> None:
    entry = country_of(text)
    assert (entry.label if entry else None) == expected, case
    assert entry is None or entry.type is ActorType.COUNTRY


DEMONYMS = [
    # (case, word, expected)
    ("adjective", "Russian", True),
    ("abbreviation with dots", "U.S.", True),
    ("plural noun", "Americans", True),
    ("group adjective", "Western", True),
    ("equal to the country name", "Myanmar", True),
    ("in capitals", "UKRAINIAN", True),
    ("country name", "Ukraine", False),
    ("capital", "Moscow", False),
    ("lower case", "polish", False),
    ("not a current country", "Soviet", False),
]


@pytest.mark.parametrize(("case", "word", "expected"), DEMONYMS, ids=[r[1] for r in DEMONYMS])
def test_is_demonym(case: str, word: str, expected: bool) -> None:
    assert is_demonym(word) is expected, case


def test_capitals_across_continents() -> None:
    """A sample across continents; every capital row is checked when the index loads."""
    capitals = {
        "Ottawa": "Canada",
        "Brasília": "Brazil",
        "Canberra": "Australia",
        "Nairobi": "Kenya",
        "Tokyo": "Japan",
        "Pristina": "Kosovo",
        "Ramallah": "Palestine",
        "Vatican City": "Vatican",
    }
    assert {name: country_of(name).label for name in capitals} == capitals


def test_one_name_for_two_actors_at_one_level_is_a_data_error() -> None:
    from kg.errors import KGError
    from kg.gazetteer import _DEMONYM, _Builder

    build = _Builder(frozenset())
    build.name("Dominican", "Dominican Republic", _DEMONYM, exact=True)
    with pytest.raises(KGError, match="'Dominican' names both 'Dominican Republic' and 'Dominica'"):
        build.name("Dominican", "Dominica", _DEMONYM, exact=True)
