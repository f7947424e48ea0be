"""Specification of ontology/shapes.ttl (through kg.shapes): every graph ``kg build``
writes conforms; each shape has a fixture that conforms and one that does not,
and each violation cites the rule (the named property shape) it breaks."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef

from kg import shapes
from kg.cli import main
from kg.errors import KGError, UsageError
from kg.rdf import to_graph
from kg.records import Actor, ActorType, Kind, Stance, Statement

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "shapes"
KGSH = "https://w3id.org/newsgraph/shapes#"
ID = "https://w3id.org/newsgraph/id/"


def fixture(name: str) -> Graph:
    return Graph().parse(FIXTURES / f"{name}.ttl", format="turtle")


def cited(report: shapes.Report) -> set[tuple[str, str]]:
    """(focus node relative to the data base, shape relative to the shapes namespace)."""
    return {(v.focus.removeprefix(ID), v.shape.removeprefix(KGSH)) for v in report.violations}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Graph:
    out = tmp_path_factory.mktemp("out")
    assert main(["build", str(ROOT / "seeds"), "-o", str(out), "-q"]) == 0
    return Graph().parse(out / "graph.ttl", format="turtle")


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_the_graph_kg_build_writes_conforms(built, inference):
    report = shapes.validate(built, inference)
    assert report.conforms, "\n".join(map(str, report.violations))


def test_affiliates_are_typed_and_labelled_actors(built):
    for _, affiliate in built.subject_objects(URIRef("https://w3id.org/newsgraph/ontology#affiliatedWith")):
        assert set(built.objects(affiliate, RDF.type)), affiliate
        assert built.value(affiliate, URIRef("http://www.w3.org/2000/01/rdf-schema#label")), affiliate


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_the_valid_fixture_conforms(inference):
    assert shapes.validate(fixture("valid"), inference).conforms


FAILING = [
    (
        "statement",
        {
            ("statement/s1", "Statement-speaker"),  # two speakers, one of them not an actor
            ("statement/s1", "Statement-stance"),  # kgs:praise is not in the scheme
            ("statement/s1", "Statement-startOffset"),  # start 40 is not less than end 40
            ("statement/s1", "Statement-confidence"),  # 1.5 > 1
            ("statement/s1", "Statement-kind"),  # "hearsay"
            ("statement/s1", "Statement-evidence"),  # missing
        },
    ),
    (
        "statement-datatypes",
        {
            ("statement/s1", "Statement-startOffset"),  # "0" is a string
            ("statement/s1", "Statement-endOffset"),  # 13.0 is a decimal
            ("statement/s1", "Statement-confidence"),  # an xsd:double
            ("statement/s1", "Statement-stanceFine"),  # an integer
            ("statement/s1", "Statement-article"),  # not a kgo:Article
        },
    ),
    (
        "actor",
        {
            ("actor/alice", "Actor-label"),  # none
            ("actor/alice", "Actor-class"),  # Person and Organization
            ("actor/bob", "Actor-affiliation"),  # affiliated with an untyped node
        },
    ),
    (
        "article",
        {
            ("article/a-txt", "Article-identifier"),  # none
            ("article/a-txt", "Article-title"),  # two
            ("article/a-txt", "Article-source"),  # a string, not an IRI
        },
    ),
    (
        "topic",
        {
            ("topic/talks", "Topic-label"),  # two labels
            ("topic/talks", "Topic-notActor"),  # also a country
        },
    ),
]


@pytest.mark.parametrize(("name", "expected"), FAILING, ids=[name for name, _ in FAILING])
def test_each_violation_cites_its_shape(name, expected):
    report = shapes.validate(fixture(name))
    assert not report.conforms
    assert cited(report) == expected


def test_every_named_shape_has_a_failing_fixture():
    rules = {
        str(s).removeprefix(KGSH)
        for s in shapes.shapes().subjects(RDF.type, URIRef("http://www.w3.org/ns/shacl#PropertyShape"))
    }
    node_shapes = {r.split("-")[0] for r in rules}
    failed = {shape for _, expected in FAILING for _, shape in expected}
    assert {r.split("-")[0] for r in failed} == node_shapes == {"Statement", "Actor", "Article", "Topic"}


def test_check_raises_a_kg_error_naming_the_rule():
    with pytest.raises(KGError, match="Topic-notActor"):
        shapes.check(fixture("topic"))


def test_validation_does_not_change_the_graph():
    g = fixture("valid")
    before = len(g)
    shapes.validate(g, "rdfs")
    assert len(g) == before


def test_records_with_their_article_conform():
    from kg.records import Article

    alice = Actor("Alice", "Alice", ActorType.PERSON, affiliation=("Nowhere League",))
    st = Statement(
        "a.txt",
        alice,
        Stance.WARN,
        Kind.INDIRECT,
        "warn",
        "Alice warned",
        0,
        12,
        "",
        0,
        0,
        extractor="speech",
    )
    assert shapes.validate(to_graph([st], [Article("a.txt", "Alice warned", ())])).conforms


def test_unknown_inference_lists_the_valid_ones():
    with pytest.raises(UsageError, match="unknown inference 'owl'; valid values: none, rdfs"):
        shapes.validate(Graph(), "owl")
