"""Statement records -> RDF.

Each statement becomes a ``kgo:Statement`` node carrying its speaker, stance
(a SKOS concept), targets, cue, kind, quote/content, evidence, character
offsets, extractor, confidence and its article (``prov:wasDerivedFrom``). The
same statement is also asserted as the plain triple
``speaker --kgo:<stance relation>--> target`` so that simple clients can walk
the actor network without reifying anything.

>>> from kg.records import Actor, ActorType, Kind, Stance, Statement
>>> a = Actor("Alice Doe", "Alice Doe", ActorType.PERSON)
>>> b = Actor("Bobland", "Bobland", ActorType.COUNTRY)
>>> st = Statement("a.txt", a, Stance.ACCUSE, Kind.INDIRECT, "accuse",
...                "Alice Doe accused Bobland", 0, 25, "", 0, 0, targets=(b,))
>>> g = to_graph([st])
>>> (Iris().actor("Alice Doe"), KGO.accuses, Iris().actor("Bobland")) in g
True
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from .iri import Iris
from .records import Actor, ActorType, Article, Kind, Statement, Topic
from .vocab import KGO, KGS, RELATION, stance_concept

ACTOR_CLASS = {
    ActorType.PERSON: KGO.Person,
    ActorType.ORGANIZATION: KGO.Organization,
    ActorType.COUNTRY: KGO.Country,
    ActorType.GROUP: KGO.Group,
}


def new_graph() -> Graph:
    g = Graph()
    g.bind("kgo", KGO._NS)
    g.bind("kgs", KGS._NS)
    g.bind("prov", PROV)
    g.bind("skos", SKOS)
    g.bind("dcterms", DCTERMS)
    return g


def statement_iri(st: Statement, iris: Iris) -> URIRef:
    return iris.statement(st.doc, st.start, st.end, st.speaker.key, st.stance.value, st.cue)


def _add_actor(g: Graph, actor: Actor, iris: Iris) -> URIRef:
    node = iris.actor(actor.key)
    g.add((node, RDF.type, ACTOR_CLASS[actor.type]))
    g.add((node, RDFS.label, Literal(actor.label)))
    for alias in actor.aliases:
        if alias != actor.label:
            g.add((node, SKOS.altLabel, Literal(alias)))
    if actor.role:
        g.add((node, KGO.role, Literal(actor.role)))
    for aff in actor.affiliation:
        g.add((node, KGO.affiliatedWith, iris.actor(aff)))
    return node


def _add_target(g: Graph, target: Actor | Topic, iris: Iris) -> URIRef:
    if isinstance(target, Actor):
        return _add_actor(g, target, iris)
    node = iris.topic(target.key)
    g.add((node, RDF.type, KGO.Topic))
    g.add((node, RDFS.label, Literal(target.label)))
    return node


def add_article(g: Graph, article: Article, iris: Iris) -> URIRef:
    node = iris.article(article.doc)
    g.add((node, RDF.type, KGO.Article))
    g.add((node, DCTERMS.identifier, Literal(article.doc)))
    if article.title:
        g.add((node, DCTERMS.title, Literal(article.title)))
    if article.date:
        g.add((node, DCTERMS.date, Literal(article.date)))
    if article.url:
        g.add((node, DCTERMS.source, URIRef(article.url)))
    if article.source:
        g.add((node, DCTERMS.publisher, Literal(article.source)))
    return node


def add_statement(g: Graph, st: Statement, iris: Iris) -> URIRef:
    """Add one statement (node, actors, targets and the plain triple) to ``g``."""
    node = statement_iri(st, iris)
    speaker = _add_actor(g, st.speaker, iris)
    g.add((node, RDF.type, KGO.Statement))
    g.add((node, KGO.speaker, speaker))
    g.add((node, KGO.stance, stance_concept(st.stance)))
    g.add((node, KGO.cue, Literal(st.cue)))
    if st.stance_fine:
        g.add((node, KGO.stanceFine, Literal(st.stance_fine)))
    g.add((node, KGO.kind, Literal(st.kind.value)))
    g.add((node, KGO.section, Literal(st.section.value)))
    g.add((node, KGO.evidence, Literal(st.evidence)))
    if st.content:
        g.add((node, KGO.content, Literal(st.content)))
        if st.kind in (Kind.DIRECT, Kind.MIXED):
            g.add((node, KGO.quote, Literal(st.content)))
    g.add((node, KGO.startOffset, Literal(st.start, datatype=XSD.integer)))
    g.add((node, KGO.endOffset, Literal(st.end, datatype=XSD.integer)))
    g.add((node, KGO.confidence, Literal(Decimal(f"{st.confidence:.2f}"), datatype=XSD.decimal)))
    extractor = iris.extractor(st.extractor or "unknown")
    g.add((extractor, RDF.type, KGO.Extractor))
    g.add((extractor, RDFS.label, Literal(st.extractor or "unknown")))
    g.add((node, KGO.extractor, extractor))
    g.add((node, PROV.wasDerivedFrom, iris.article(st.doc)))
    if st.date:
        g.add((node, DCTERMS.date, Literal(st.date)))
    for target in st.targets:
        t = _add_target(g, target, iris)
        g.add((node, KGO.target, t))
        if target.label in st.implicit:
            g.add((node, KGO.implicitTarget, t))
        g.add((speaker, RELATION[st.stance], t))
    return node


def add_affiliates(g: Graph, statements: Iterable[Statement], iris: Iris) -> None:
    """Type and label every affiliate of an actor in ``statements`` that ``g`` has not typed.

    An affiliation is recorded by name only (``Actor.affiliation``); its node
    gets the actor class the gazetteer gives the name (an organization when the
    gazetteer does not know it) and the name as label, so that ``kgo:affiliatedWith``
    always points at an actor (``ontology/shapes.ttl``). A node that is already an
    actor in ``g`` is left as it is, so call this after every statement is added.
    """
    from .gazetteer import lookup

    classes = set(ACTOR_CLASS.values())
    names: dict[URIRef, str] = {}
    for st in statements:
        for actor in (st.speaker, *st.targets):
            if isinstance(actor, Actor):
                for aff in actor.affiliation:
                    names.setdefault(iris.actor(aff), aff)
    for node, name in sorted(names.items()):
        if any(t in classes for t in g.objects(node, RDF.type)):
            continue
        entry = lookup(name)
        g.add((node, RDF.type, ACTOR_CLASS[entry.type] if entry else KGO.Organization))
        g.add((node, RDFS.label, Literal(name)))


def to_graph(
    statements: Iterable[Statement],
    articles: Iterable[Article] = (),
    iris: Iris | None = None,
) -> Graph:
    """Build the RDF graph of ``statements`` (and their articles' metadata)."""
    iris = iris or Iris()
    statements = list(statements)
    g = new_graph()
    for article in articles:
        add_article(g, article, iris)
    for st in statements:
        add_statement(g, st, iris)
    add_affiliates(g, statements, iris)
    return g


def to_dataset(
    statements: Iterable[Statement],
    articles: Iterable[Article] = (),
    iris: Iris | None = None,
) -> Dataset:
    """The graph of :func:`to_graph`, with one named graph per article.

    Each article's graph, named by the article's IRI, holds its metadata, its
    statements and their plain ``speaker --stance--> target`` triples, so that
    it can be replaced or removed without touching the others. What the articles
    share (actors, topics, extractors: their labels, aliases, roles and
    affiliations are resolved over the whole corpus) is in the default graph,
    once: a store whose union default graph is a multiset (Oxigraph) then
    gives no duplicate rows. The union of all graphs is :func:`to_graph`'s graph.
    """
    iris = iris or Iris()
    statements, articles = list(statements), list(articles)
    whole = to_graph(statements, articles, iris)
    by_doc: dict[str, list[Statement]] = {a.doc: [] for a in articles}
    for st in statements:
        by_doc.setdefault(st.doc, []).append(st)
    ds = Dataset()
    for prefix, ns in whole.namespaces():
        ds.bind(prefix, ns)
    owned: set = set()
    for doc, sts in by_doc.items():
        named = ds.graph(iris.article(doc))
        triples = list(whole.triples((iris.article(doc), None, None)))
        for st in sts:
            triples += whole.triples((statement_iri(st, iris), None, None))
            speaker = iris.actor(st.speaker.key)
            for target in st.targets:
                t = iris.actor(target.key) if isinstance(target, Actor) else iris.topic(target.key)
                triples.append((speaker, RELATION[st.stance], t))
        named.addN((s, p, o, named) for s, p, o in triples)
        owned.update(triples)
    ds.default_graph.addN((s, p, o, ds.default_graph) for s, p, o in whole if (s, p, o) not in owned)
    return ds


def write(g: Graph, path: str | Path, fmt: str = "turtle") -> Path:
    """Serialise ``g`` to ``path``; Turtle output is sorted, so reruns are byte-identical."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    data = g.serialize(format=fmt, encoding="utf-8")
    p.write_bytes(data)
    return p
