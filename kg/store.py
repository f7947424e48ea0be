"""Where the graph lives: one option, three stores, one interface (an rdflib ``Dataset``).

``open_store(spec)`` gives an rdflib :class:`~rdflib.Dataset` whose default
graph is the union of the named graphs (one per article, see
:func:`kg.rdf.to_dataset`), so the same query answers the same on each store:

``memory``
    rdflib's in-memory store (the default): nothing to install or run; fine for
    thousands of statements, slow for millions.
``oxigraph``
    Oxigraph on disk through ``oxrdflib``/``pyoxigraph``: persistent, loads and
    answers one to two orders of magnitude faster; ``location`` is its directory.
``http://…`` / ``https://…``
    A SPARQL 1.1 endpoint the user runs (Query + Update), such as ``oxigraph
    serve --union-default-graph``. The query endpoint is the URL; the update
    endpoint is the same URL with a final ``/query`` replaced by ``/update``
    (Oxigraph's layout), or the URL itself.

Loading replaces each article's named graph as a whole (:func:`replace_graph`),
so re-ingesting an article never duplicates its triples; the default graph
(actors, topics, extractors shared by the articles) is added to, as a set.

Queries run with bindings (:func:`query`), never with values pasted into their
text. On the memory and Oxigraph stores a binding holds for the whole query; a
remote store (rdflib's ``SPARQLStore``) sends them as a trailing ``VALUES``
clause, which joins after grouping, so there bind only variables the query
projects or groups by (``?speaker``, ``?stance``, ``?target``), not one that
appears only inside a ``FILTER`` (``quotes-containing``'s ``?word``).

>>> ds = open_store("memory")
>>> ds.default_union
True
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from rdflib.term import Identifier, Variable

from .errors import UsageError

__all__ = [
    "FORMATS",
    "KINDS",
    "binding",
    "graph_file",
    "load",
    "open_for",
    "open_store",
    "query",
    "replace_graph",
    "resolve",
    "to_text",
]

log = logging.getLogger(__name__)

#: The named stores; anything starting with http:// or https:// is a remote endpoint.
KINDS = ("memory", "oxigraph")
#: File suffix -> rdflib parser.
FORMATS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt"}


def _remote(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def open_store(spec: str = "memory", location: str | Path | None = None) -> Dataset:
    """A dataset on the store ``spec`` (``memory``, ``oxigraph`` or an endpoint URL)."""
    if spec == "memory":
        return Dataset(default_union=True)
    if spec == "oxigraph":
        if location is None:
            raise UsageError("the oxigraph store needs a location (a directory)")
        Path(location).mkdir(parents=True, exist_ok=True)
        ds = Dataset(store="Oxigraph", default_union=True)
        ds.open(str(location))
        return ds
    if _remote(spec):
        from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

        update = spec[: -len("/query")] + "/update" if spec.endswith("/query") else spec
        store = SPARQLUpdateStore(query_endpoint=spec, update_endpoint=update, returnFormat="json")
        return Dataset(store=store, default_union=True)
    raise UsageError(
        f"unknown store {spec!r}; valid stores: {', '.join(KINDS)} or an http(s):// endpoint URL"
    )


def graph_file(path: str | Path) -> Path:
    """The graph file ``kg build`` wrote under ``path`` (a file, or an output folder).

    A folder gives ``graph.trig`` (one named graph per article) when there is
    one, else ``graph.ttl``.
    """
    p = Path(path)
    if p.is_dir():
        for name in ("graph.trig", "graph.ttl"):
            if (p / name).is_file():
                return p / name
        raise UsageError(f"no graph.trig or graph.ttl in {p}; run `kg build -o {p}` first")
    if not p.is_file():
        raise UsageError(f"no such graph file: {p}")
    if p.suffix not in FORMATS:
        raise UsageError(
            f"cannot read {p}: unknown suffix {p.suffix!r}; valid suffixes: {', '.join(FORMATS)}"
        )
    return p


def replace_graph(ds: Dataset, name: URIRef, triples: Graph) -> None:
    """Make the named graph ``name`` hold exactly ``triples`` (empty it, then add).

    Emptying with a pattern rather than ``DROP``/``CREATE GRAPH`` works the same
    whether or not the graph exists. On a remote store the graph's name is
    bound, not pasted, and the update names no ``WITH``/``USING`` graph, which
    an Oxigraph server with a union default graph refuses.
    """
    from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

    target = Graph(store=ds.store, identifier=name)
    if isinstance(ds.store, SPARQLUpdateStore):
        ds.update(EMPTY_GRAPH, initBindings={Variable("g"): name})
    else:
        target.remove((None, None, None))
    ds.addN((s, p, o, target) for s, p, o in triples)


EMPTY_GRAPH = "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }"


def load(ds: Dataset, path: str | Path) -> int:
    """Load a graph file into ``ds``, replacing each named graph it holds; the triples read.

    A Turtle or N-Triples file has no graph names: its triples go to the named
    graph ``file://<absolute path>`` so that loading it again replaces them too.
    """
    p = graph_file(path)
    fmt = FORMATS[p.suffix]
    if fmt in ("trig", "nquads"):
        src = Dataset()
        src.parse(p, format=fmt)
        graphs = [(URIRef(str(g.identifier)), g) for g in src.graphs() if len(g)]
    else:
        graphs = [(URIRef(p.resolve().as_uri()), Graph().parse(p, format=fmt))]
    for name, g in graphs:
        if name == DATASET_DEFAULT_GRAPH_ID:  # shared nodes: added, a set, never replaced
            ds.default_graph.addN((s, p_, o, ds.default_graph) for s, p_, o in g)
        else:
            replace_graph(ds, name, g)
    return sum(len(g) for _, g in graphs)


def resolve(source: str) -> str:
    """The SPARQL text of ``source``: a named query, a ``.rq`` file, or SPARQL itself."""
    from . import queries

    if source in queries.available():
        return queries.load(source)
    p = Path(source)
    if p.suffix == ".rq":
        if not p.is_file():
            raise UsageError(f"no such query file: {p}")
        return p.read_text(encoding="utf-8")
    if not any(word in source.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        raise UsageError(
            f"{source!r} is not a query name, a .rq file or SPARQL; "
            f"valid names: {', '.join(queries.available())}"
        )
    return source


def query(ds: Graph, source: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
    """Run ``source`` (see :func:`resolve`) on ``ds`` with ``bindings`` (variable name -> term)."""
    init = {Variable(k): v for k, v in (bindings or {}).items()}
    for k, v in init.items():
        if not isinstance(v, (URIRef, Literal)):
            raise UsageError(f"cannot bind ?{k} to {v!r}: expected a URIRef or a Literal")
    return ds.query(resolve(source), initBindings=init)


# ---------------------------------------------------------------- command-line helpers

#: Prefixes a ``--bind`` value may use (``stance=kgs:accuse``).
PREFIXES = {
    "kgo": "https://w3id.org/newsgraph/ontology#",
    "kgs": "https://w3id.org/newsgraph/stance#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}
OUTPUT_FORMATS = ("table", "csv", "json")
MARKER = ".loaded"  # marks when the Oxigraph directory was last loaded


def binding(text: str) -> tuple[str, Identifier]:
    """``var=value`` -> (var, term): ``<iri>``, ``http(s)://…`` and ``kgs:accuse`` are IRIs,
    an integer is an ``xsd:integer``, anything else a plain string.

    >>> binding("stance=kgs:accuse")
    ('stance', rdflib.term.URIRef('https://w3id.org/newsgraph/stance#accuse'))
    >>> binding("word=NATO")
    ('word', rdflib.term.Literal('NATO'))
    """
    var, sep, value = text.partition("=")
    var = var.strip().lstrip("?$")
    if not sep or not var.isidentifier():
        raise UsageError(f"bad binding {text!r}: expected VAR=VALUE, e.g. speaker=<https://…> or word=NATO")
    if value.startswith("<") and value.endswith(">"):
        return var, URIRef(value[1:-1])
    if value.startswith(("http://", "https://")):
        return var, URIRef(value)
    prefix, colon, local = value.partition(":")
    if colon and prefix in PREFIXES and local and " " not in local:
        return var, URIRef(PREFIXES[prefix] + local)
    if value.lstrip("-").isdigit():
        return var, Literal(int(value))
    return var, Literal(value)


def open_for(path: str | Path, spec: str = "memory") -> Dataset:
    """The dataset ``kg query``/``kg serve`` read: ``path``'s graph on the store ``spec``.

    ``memory`` loads the graph file; ``oxigraph`` keeps it in ``oxigraph/`` beside
    the file and reloads it when the file is newer; a remote endpoint is queried
    as it is (load it with :func:`load`).
    """
    if _remote(spec):
        return open_store(spec)
    source = graph_file(path)
    if spec == "oxigraph":
        location = source.parent / "oxigraph"
        marker = location / MARKER
        fresh = marker.is_file() and marker.stat().st_mtime >= source.stat().st_mtime
        ds = open_store(spec, location)
        if not fresh:
            n = load(ds, source)
            marker.write_text(str(source), encoding="utf-8")
            log.info("loaded %d triples from %s into %s", n, source, location)
        return ds
    ds = open_store(spec)
    load(ds, source)
    return ds


def to_text(result: Result, fmt: str = "table") -> str:
    """A query result as text: a table, CSV or SPARQL JSON for SELECT and ASK,
    Turtle for CONSTRUCT and DESCRIBE whatever ``fmt`` is."""
    if fmt not in OUTPUT_FORMATS:
        raise UsageError(f"unknown format {fmt!r}; valid formats: {', '.join(OUTPUT_FORMATS)}")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        g = result.graph
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        return g.serialize(format="turtle")
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8") + "\n"
    if result.type == "ASK":
        return ("true" if result.askAnswer else "false") + "\n"
    if fmt == "csv":
        return result.serialize(format="csv").decode("utf-8")
    names = [str(v) for v in result.vars or ()]
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)

    def cell(term: Identifier | None) -> str:
        if term is None:
            return ""
        if isinstance(term, URIRef):
            return term.n3(g.namespace_manager)
        return " ".join(str(term).split())

    rows = [[cell(row[v]) for v in names] for row in result]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
