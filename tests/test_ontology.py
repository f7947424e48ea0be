"""The ontology and the graphs ``kg build`` writes, checked by independent tools."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import owlrl
import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert main(["build", str(ROOT / "seeds"), "-o", str(out), "-q"]) == 0
    return out


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils (rapper) is not installed")
@pytest.mark.parametrize(
    "name, syntax",
    [
        ("ontology/kg.ttl", "turtle"),
        ("ontology/stances.ttl", "turtle"),
        ("ontology/shapes.ttl", "turtle"),
        ("graph.ttl", "turtle"),
        ("graph.trig", "trig"),
        ("graph.nq", "nquads"),
    ],
)
def test_rapper_parses_ontology_and_output(built, name, syntax):
    path = ROOT / name if name.startswith("ontology/") else built / name
    run = subprocess.run(["rapper", "-i", syntax, "-c", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_owl_rl_closure_over_ontology_and_seed_output_is_consistent(built):
    g = Graph()
    for f in ("kg.ttl", "stances.ttl"):
        g.parse(ONTOLOGY / f)
    g.parse(built / "graph.ttl")
    before = len(g)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    assert len(g) > before  # the closure did infer something (e.g. prov:Agent for actors)
    errors = list(g.objects(None, owlrl.Namespaces.ERRNS.error)) + list(g.subjects(RDF.type, OWL.Nothing))
    assert errors == []


def test_the_consistency_check_does_catch_an_inconsistency():
    g = Graph().parse(
        data="@prefix owl: <http://www.w3.org/2002/07/owl#> . "
        "<urn:a> owl:sameAs <urn:b> . <urn:a> owl:differentFrom <urn:b> .",
        format="turtle",
    )
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    assert list(g.objects(None, owlrl.Namespaces.ERRNS.error))
