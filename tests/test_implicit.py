"""Implicit targets: a hostile statement that names no actor is about the side
the speaker (or the speaker's camp) attacks elsewhere in the same article."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.pipeline import extract, graph_of
from kg.vocab import KGO

HEAD = "Headline of the story\n\n"

ARTICLE = HEAD + (
    "Ann Rourke, the foreign minister of Ruritania, accused Germany of escalating the conflict. "
    "Rourke also warned of “very dangerous trends.”\n\n"
    "Mark Duval, Ruritania's ambassador to the union, said the proposals were “unacceptable.”\n\n"
    "Li Wen praised the new climate plan."
)


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    folder = tmp_path_factory.mktemp("implicit")
    (folder / "story.txt").write_text(ARTICLE, encoding="utf-8")
    return extract([folder])


def _one(result, speaker, stance):
    found = [s for s in result.statements if s.speaker.label == speaker and s.stance.value == stance]
    assert len(found) == 1, [(s.speaker.label, s.stance.value) for s in result.statements]
    return found[0]


def test_a_statement_naming_its_target_is_left_alone(result):
    st = _one(result, "Ann Rourke", "accuse")
    assert [t.label for t in st.targets] == ["Germany"]
    assert st.implicit == ()


def test_the_speakers_own_adversary_fills_an_empty_hostile_statement(result):
    st = _one(result, "Ann Rourke", "warn")
    assert "Germany" in [t.label for t in st.targets]
    assert st.implicit == ("Germany",)


def test_supportive_and_neutral_statements_get_no_implicit_target(result):
    st = _one(result, "Li Wen", "support")
    assert st.implicit == ()


def test_implicit_targets_are_marked_in_rdf_and_jsonl(result, tmp_path):
    g: Graph = graph_of(result)
    implicit = list(g.subject_objects(KGO.implicitTarget))
    assert implicit, "no kgo:implicitTarget in the graph"
    for node, target in implicit:
        assert (node, KGO.target, target) in g  # every implicit target is also a target


def test_an_envoy_inherits_the_adversary_of_his_side(result):
    st = _one(result, "Mark Duval", "criticize")
    assert st.implicit == ("Germany",)


def test_a_statement_naming_nothing_continues_the_one_before_by_the_same_speaker(tmp_path):
    (tmp_path / "bill.txt").write_text(HEAD + (
        "“Republicans want us to sign a blank check,” Diane Okafor said.\n\n“We are not going to do that.”"
    ), encoding="utf-8")
    res = extract([tmp_path])
    mine = (s for s in res.statements if s.speaker.label == "Diane Okafor")
    first, second = sorted(mine, key=lambda s: s.start)
    assert [t.label for t in first.targets] == ["Republicans"]
    assert [t.label for t in second.targets] == ["Republicans"]
    assert second.implicit == ("Republicans",)


DISPUTE = HEAD + (
    "Mayor Ann Rourke accused the Harbour Authority of hiding the spill. "
    "Councillor Li Wen criticised the Harbour Authority for its silence. "
    "Tom Baker, who fishes off the pier, said the water “smells like a refinery.”\n\n"
    "Harbour Authority chief Mark Duval said the claims were “grossly unfair.”"
)


def test_criticism_naming_no_one_is_aimed_at_the_articles_main_adversary(tmp_path):
    (tmp_path / "spill.txt").write_text(DISPUTE, encoding="utf-8")
    res = extract([tmp_path])
    baker = [s for s in res.statements if s.speaker.label == "Tom Baker"]
    assert [s.implicit for s in baker] == [("Harbour Authority",)], [
        (s.speaker.label, s.stance.value, [t.label for t in s.targets]) for s in res.statements]


def test_the_main_adversarys_own_people_are_not_turned_against_it(tmp_path):
    (tmp_path / "spill.txt").write_text(DISPUTE, encoding="utf-8")
    res = extract([tmp_path])
    duval = [s for s in res.statements if s.speaker.label == "Mark Duval"]
    assert duval and all("Harbour Authority" not in s.implicit for s in duval)


def _story(tmp_path, *sentences: str):
    """The statements extracted from a story of these sentences."""
    (tmp_path / "story.txt").write_text(HEAD + " ".join(sentences), encoding="utf-8")
    return extract([tmp_path]).statements


def test_a_dispute_with_two_sides_equally_has_no_main_adversary(tmp_path):
    found = _story(tmp_path, "Mayor Ann Rourke accused the Harbour Authority of hiding the spill.",
                   "Councillor Li Wen criticised Norland Shipping for its silence.",
                   "Tom Baker, who fishes off the pier, said the water “smells like a refinery.”")
    baker = [s for s in found if s.speaker.label == "Tom Baker"]
    assert baker and all(s.implicit == () for s in baker)


def test_a_denial_answers_whoever_made_the_charge(tmp_path):
    # the denier attacks no one else in the story, and the accuser is not the one most
    # attacked: only the charge itself says whom "that charge" came from
    found = _story(tmp_path, "The Garment Workers' Federation accused Dhaka of siding with factory owners.",
                   "Rights Watch Asia criticised Nordvik Apparel for paying late.",
                   "Rights Watch Asia also accused Nordvik Apparel of ignoring its suppliers.",
                   "Dhaka has rejected that charge.")
    deny = [s for s in found if s.stance.value == "deny"]
    assert [s.implicit for s in deny] == [("Garment Workers' Federation",)], [
        (s.speaker.label, s.stance.value, [t.label for t in s.targets]) for s in found]


def test_a_denial_answers_an_accusation_before_a_later_criticism(tmp_path):
    found = _story(tmp_path, "Environmental groups accused Borealis Oil of hiding the spill.",
                   "Shareholders also criticised the company for its silence.",
                   "Borealis Oil rejected the allegations.")
    deny = [s for s in found if s.stance.value == "deny"]
    assert [s.implicit for s in deny] == [("Environmental groups",)], [
        (s.speaker.label, s.stance.value, [t.label for t in s.targets], s.implicit) for s in found]


def test_a_denial_of_a_charge_against_someone_else_names_no_accuser(tmp_path):
    found = _story(tmp_path, "The regional council accused Northwind Energy of hiding the leak.",
                   "Harbour Fuels denied the allegation.")
    deny = [s for s in found if s.speaker.label == "Harbour Fuels"]
    assert deny and all("regional council" not in s.implicit for s in deny)
