"""Validation against the SHACL shapes, ``ontology/shapes.ttl`` (the contract on the graph).

The shapes are checked with pySHACL, with the ontology (``kg.ttl`` and
``stances.ttl``) as its ``ont_graph``: that is where ``rdfs:subClassOf`` (so that
``sh:targetClass kgo:Actor`` reaches persons, countries...) comes from. pySHACL
mixes only class and property definitions of ``ont_graph`` into the data, not the
stance concepts, so the stance scheme is added to a copy of the data graph
before validation; the graph passed in is never changed.

>>> from kg.records import Actor, ActorType, Article, Kind, Stance, Statement
>>> from kg.rdf import to_graph
>>> a = Actor("Alice Doe", "Alice Doe", ActorType.PERSON)
>>> st = Statement("a.txt", a, Stance.CLAIM, Kind.INDIRECT, "say",
...                "Alice Doe said so", 0, 17, "", 0, 0, extractor="speech")
>>> validate(to_graph([st], [Article("a.txt", "Alice Doe said so", ())])).conforms
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from .errors import KGError, UsageError

__all__ = ["ONTOLOGY_DIR", "Report", "ShapeError", "Violation", "check", "ontology", "shapes", "validate"]

#: ``ontology/`` in the repository (see :mod:`kg.queries` for installs).
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
INFERENCE = ("none", "rdfs")


class ShapeError(KGError):
    """A graph does not conform to ``ontology/shapes.ttl``; lists the violations."""

    def __init__(self, violations: list[Violation]) -> None:
        lines = [str(v) for v in violations[:10]]
        more = f"\n... and {len(violations) - 10} more" if len(violations) > 10 else ""
        super().__init__(
            f"graph does not conform to the shapes: {len(violations)} violation(s)\n"
            + "\n".join(lines)
            + more
        )
        self.violations = violations


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node, the rule (``shape``, a named property or node shape)."""

    focus: str
    shape: str
    path: str
    value: str
    message: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.focus}{where}: {self.message} [{self.shape}]"


@dataclass(frozen=True)
class Report:
    conforms: bool
    violations: list[Violation]
    text: str


def _parse(*names: str) -> Graph:
    g = Graph()
    for name in names:
        path = ONTOLOGY_DIR / name
        if not path.is_file():
            raise UsageError(f"ontology file {name!r} not found in {ONTOLOGY_DIR}")
        g.parse(path, format="turtle")
    return g


@cache
def ontology() -> Graph:
    """``kg.ttl`` and ``stances.ttl`` in one graph (parsed once; do not modify)."""
    return _parse("kg.ttl", "stances.ttl")


@cache
def shapes() -> Graph:
    """``shapes.ttl`` (parsed once; do not modify)."""
    return _parse("shapes.ttl")


def validate(graph: Graph, inference: str = "none") -> Report:
    """Validate ``graph`` against the shapes; ``inference`` is ``"none"`` or ``"rdfs"``."""
    if inference not in INFERENCE:
        raise UsageError(f"unknown inference {inference!r}; valid values: {', '.join(INFERENCE)}")
    from pyshacl import validate as shacl

    data = Graph()
    for triple in graph:
        data.add(triple)
    for triple in _parse("stances.ttl"):
        data.add(triple)
    conforms, results, text = shacl(
        data,
        shacl_graph=shapes(),
        ont_graph=ontology(),
        inference=inference,
        allow_warnings=True,
        advanced=False,
        inplace=True,
    )

    def one(r: object, p: URIRef) -> str:
        v = results.value(r, p)
        return "" if v is None else str(v)

    violations = []
    report = next(results.subjects(RDF.type, SH.ValidationReport))
    for r in results.objects(report, SH.result):  # top-level results only, not their sh:detail
        if results.value(r, SH.resultSeverity) == SH.Violation:
            violations.append(
                Violation(
                    one(r, SH.focusNode),
                    one(r, SH.sourceShape),
                    one(r, SH.resultPath),
                    one(r, SH.value),
                    one(r, SH.resultMessage),
                )
            )
    violations.sort(key=lambda v: (v.focus, v.shape, v.value))
    return Report(bool(conforms), violations, str(text))


def check(graph: Graph, inference: str = "none") -> None:
    """Raise :class:`ShapeError` unless ``graph`` conforms."""
    report = validate(graph, inference)
    if not report.conforms:
        raise ShapeError(report.violations)
