"""RDF: statement nodes, plain triples, deterministic IRIs, the vocabulary in step with the ontology."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import OWL, PROV

from kg.iri import Iris
from kg.rdf import statement_iri, to_graph
from kg.records import Actor, ActorType, Kind, Stance, Statement, Topic
from kg.vocab import KGO, KGS, RELATION

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"
ALICE = Actor("Alice Doe", "Alice Doe", ActorType.PERSON, ("Doe",), "Foreign Minister", ("Bobland",))
BOBLAND = Actor("Bobland", "Bobland", ActorType.COUNTRY)
TALKS = Topic("security talks", "security talks")


def statement(**kw) -> Statement:
    base = dict(
        doc="a.txt", speaker=ALICE, stance=Stance.ACCUSE, kind=Kind.MIXED, cue="accuse",
        evidence="Alice Doe accused Bobland of “lies”", start=10, end=45, content="lies",
        content_start=39, content_end=43, targets=(BOBLAND, TALKS), extractor="speech", confidence=0.8,
    )
    base.update(kw)
    return Statement(**base)


def test_statement_node_carries_everything():
    g = to_graph([statement()])
    node = statement_iri(statement(), Iris())
    iris = Iris()
    expected = {
        (node, RDF.type, KGO.Statement),
        (node, KGO.speaker, iris.actor("Alice Doe")),
        (node, KGO.stance, KGS.accuse),
        (node, KGO.target, iris.actor("Bobland")),
        (node, KGO.target, iris.topic("security talks")),
        (node, KGO.cue, Literal("accuse")),
        (node, KGO.kind, Literal("mixed")),
        (node, KGO.quote, Literal("lies")),
        (node, PROV.wasDerivedFrom, iris.article("a.txt")),
    }
    assert expected <= set(g)
    assert g.value(node, KGO.startOffset).toPython() == 10
    assert g.value(node, KGO.endOffset).toPython() == 45
    assert float(g.value(node, KGO.confidence)) == 0.8


def test_a_learned_stance_is_marked_so_queries_can_leave_it_out():
    st = statement(stance=Stance.CRITICIZE, cue="say", stance_fine="learned")
    g = to_graph([st])
    assert g.value(statement_iri(st, Iris()), KGO.stanceFine) == Literal("learned")
    plain = statement(stance_fine="")
    assert to_graph([plain]).value(statement_iri(plain, Iris()), KGO.stanceFine) is None


def test_plain_triple_per_stance_and_target():
    g = to_graph([statement()])
    iris = Iris()
    assert (iris.actor("Alice Doe"), KGO.accuses, iris.actor("Bobland")) in g
    assert (iris.actor("Alice Doe"), KGO.accuses, iris.topic("security talks")) in g


def test_actors_are_typed_and_labelled():
    g = to_graph([statement()])
    alice = Iris().actor("Alice Doe")
    assert (alice, RDF.type, KGO.Person) in g
    assert (alice, RDFS.label, Literal("Alice Doe")) in g
    assert (alice, KGO.role, Literal("Foreign Minister")) in g
    assert (alice, KGO.affiliatedWith, Iris().actor("Bobland")) in g
    assert (Iris().actor("Bobland"), RDF.type, KGO.Country) in g


def test_same_input_same_graph_and_same_bytes():
    a = to_graph([statement(), statement(stance=Stance.WARN, cue="warn")])
    b = to_graph([statement(), statement(stance=Stance.WARN, cue="warn")])
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        pytest.fail(f"graphs differ:\n{only_a.serialize(format='nt')}\n{only_b.serialize(format='nt')}")
    assert a.serialize(format="turtle") == b.serialize(format="turtle")
    assert not any(isinstance(t, type(None)) for t in a)


def test_no_blank_nodes():
    g = to_graph([statement()])
    assert all(not str(t).startswith("_:") and not t.__class__.__name__ == "BNode" for tr in g for t in tr)


def test_base_iri_is_configurable():
    g = to_graph([statement()], iris=Iris("https://example.org/news/"))
    assert all(str(s).startswith(("https://example.org/news/",)) for s in g.subjects(RDF.type, KGO.Statement))


def _defined_terms() -> set[str]:
    g = Graph()
    g.parse(ONTOLOGY / "kg.ttl")
    g.parse(ONTOLOGY / "stances.ttl")
    ns = str(KGO._NS)
    terms = set()
    for s in g.subjects():
        if isinstance(s, URIRef) and str(s).startswith(ns) and (
            (s, RDF.type, OWL.Class) in g or (s, RDF.type, OWL.ObjectProperty) in g
            or (s, RDF.type, OWL.DatatypeProperty) in g
        ):
            terms.add(str(s)[len(ns):])
    return terms


def test_namespace_class_mirrors_the_ontology_term_for_term():
    in_python = set(KGO.__annotations__)
    assert in_python == _defined_terms()


def test_every_stance_has_a_concept_and_a_relation_in_the_ontology():
    g = Graph()
    g.parse(ONTOLOGY / "stances.ttl")
    for stance in Stance:
        concept = KGS[stance.value]
        assert g.value(concept, KGO.relation) == RELATION[stance]
        assert g.value(concept, KGO.polarity).toPython() == stance.polarity


def test_typo_in_vocabulary_is_an_error():
    with pytest.raises(AttributeError):
        KGO.speakr  # noqa: B018
