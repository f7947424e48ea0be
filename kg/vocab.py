"""Ontology namespaces, mirroring ``ontology/kg.ttl`` and ``ontology/stances.ttl``.

``KGO`` is a closed :class:`~rdflib.namespace.DefinedNamespace`: a typo such as
``KGO.speakr`` raises ``AttributeError`` instead of minting a stray IRI. A test
keeps these classes in step with the Turtle files, term for term.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from .records import Stance

ONTOLOGY_IRI = "https://w3id.org/newsgraph/ontology"
#: Default base for data IRIs (actors, statements, articles); configurable.
DEFAULT_BASE = "https://w3id.org/newsgraph/id/"


class KGO(DefinedNamespace):
    """The news statement ontology (``ontology/kg.ttl``)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    Group: URIRef
    Statement: URIRef
    Article: URIRef
    Topic: URIRef
    Extractor: URIRef
    # statement properties
    speaker: URIRef
    stance: URIRef
    target: URIRef
    implicitTarget: URIRef
    cue: URIRef
    stanceFine: URIRef
    kind: URIRef
    quote: URIRef
    content: URIRef
    evidence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    confidence: URIRef
    section: URIRef
    extractor: URIRef
    # actor properties
    role: URIRef
    affiliatedWith: URIRef
    # stance scheme
    polarity: URIRef
    cameoCode: URIRef
    relation: URIRef
    stanceToward: URIRef
    # one relation per stance (ontology/stances.ttl)
    supports: URIRef
    claimsAbout: URIRef
    opposes: URIRef
    criticizes: URIRef
    accuses: URIRef
    demandsOf: URIRef
    threatens: URIRef
    warns: URIRef
    denies: URIRef


class KGS(DefinedNamespace):
    """The stance concept scheme (``ontology/stances.ttl``)."""

    _NS = Namespace("https://w3id.org/newsgraph/stance#")
    _fail = True

    scheme: URIRef
    support: URIRef
    claim: URIRef
    oppose: URIRef
    criticize: URIRef
    accuse: URIRef
    demand: URIRef
    threaten: URIRef
    warn: URIRef
    deny: URIRef


#: The plain-triple property of each stance.
RELATION: dict[Stance, URIRef] = {
    Stance.SUPPORT: KGO.supports,
    Stance.CLAIM: KGO.claimsAbout,
    Stance.OPPOSE: KGO.opposes,
    Stance.CRITICIZE: KGO.criticizes,
    Stance.ACCUSE: KGO.accuses,
    Stance.DEMAND: KGO.demandsOf,
    Stance.THREATEN: KGO.threatens,
    Stance.WARN: KGO.warns,
    Stance.DENY: KGO.denies,
}


def stance_concept(stance: Stance) -> URIRef:
    """The SKOS concept of a stance: ``stance_concept(Stance.WARN) == KGS.warn``."""
    return KGS[stance.value]


def stance_of(concept: URIRef) -> Stance:
    """Inverse of :func:`stance_concept`."""
    return Stance(str(concept).rsplit("#", 1)[1])
