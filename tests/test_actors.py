"""Actors: canonical names, roles and affiliations, metonyms, merging across documents."""

from __future__ import annotations

import pytest

from kg.actors import acronyms, person_name
from kg.pipeline import extract
from kg.records import ActorType


@pytest.mark.parametrize(
    "name, expected",
    [
        ("President Joe Biden", "Joe Biden"),
        ("Prime Minister Jane Holloway", "Jane Holloway"),
        ("Mr. Smith", "Smith"),
        ("Vladimir Putin", "Vladimir Putin"),
    ],
)
def test_titles_are_not_part_of_a_name(name, expected):
    assert person_name(name) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the Korean Central News Agency (KCNA) said", {"KCNA": "Korean Central News Agency"}),
        ("a ruling by the European Court of Human Rights (ECHR) said", {"ECHR": "European Court of Human Rights"}),
        ("prices (USD) rose", {}),
    ],
)
def test_acronyms_an_article_spells_out(text, expected):
    assert acronyms(text) == expected


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("actors")
    (folder / "a.txt").write_text(
        "Talks stall\n\nRussian Deputy Foreign Minister Sergei Ryabkov said the talks had failed. "
        "The Kremlin rejected the offer from Washington.",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Talks resume\n\nRyabkov said on Friday that the talks would resume.", encoding="utf-8"
    )
    return extract([folder])


def _speakers(result, doc):
    return {s.speaker.label: s.speaker for s in result.statements if s.doc == doc}


def test_role_and_affiliation_come_from_the_title(corpus):
    ryabkov = _speakers(corpus, "a.txt")["Sergei Ryabkov"]
    assert ryabkov.type == ActorType.PERSON
    assert ryabkov.role == "Deputy Foreign Minister"
    assert "Russia" in ryabkov.affiliation


def test_a_courtesy_title_is_no_role(tmp_path):
    (tmp_path / "fuel.txt").write_text(
        "Fuel\n\nAt the Oshodi interchange, a civil servant, Mr Tunde Alabi, said his fare had doubled. "
        "Dr Ann Rourke said prices would keep rising. Queen Rania said the talks had failed.",
        encoding="utf-8",
    )
    speakers = _speakers(extract([tmp_path]), "fuel.txt")
    assert speakers["Tunde Alabi"].role == "civil servant"
    assert speakers["Ann Rourke"].role == "Dr"
    assert speakers["Rania"].role == "Queen"


def test_metonyms_speak_for_their_country(corpus):
    st = next(s for s in corpus.statements if s.doc == "a.txt" and s.cue == "reject")
    assert st.speaker.label == "Russia" and st.speaker.type == ActorType.COUNTRY
    assert [t.label for t in st.targets] == ["United States"]


def test_a_surname_alone_in_another_article_is_merged_with_the_full_name(corpus):
    assert "Sergei Ryabkov" in _speakers(corpus, "b.txt")


def test_a_body_named_by_a_descriptor_is_an_organisation_and_a_person_by_title_is_a_person(tmp_path):
    (tmp_path / "port.txt").write_text(
        "Port strike\n\nThe Havenbond union, which represents 7,500 port workers, said the walkout "
        "would go on. "
        "A company spokeswoman said the terminals would stay shut.\n", encoding="utf-8")
    types = {s.speaker.label: s.speaker.type for s in extract([tmp_path]).statements}
    assert types["Havenbond union"] is ActorType.ORGANIZATION
    assert types["company spokeswoman"] is ActorType.PERSON
