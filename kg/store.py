"""Where the graph lives: one option, three stores, one interface (an rdflib ``Dataset``).

``open_store(spec)`` gives an rdflib :class:`~rdflib.Dataset` whose default
graph is the union of the named graphs (one per article, see
:func:`kg.rdf.to_dataset`), so the same query answers the same on each store:

``memory``
    rdflib's in-memory store (the default): nothing to install or run; fine for
    thousands of statements, slow for millions.
``oxigraph``
    Oxigraph on disk through ``pyoxigraph``: persistent; ``location`` is its
    directory. Queries given as text run on Oxigraph's own engine
    (:class:`NativeOxigraphStore`), not on rdflib's, and files load through
    Oxigraph's parser, so it loads and answers one to two orders of magnitude
    faster than ``memory`` (``benchmarks/README.md``).
``http://…`` / ``https://…``
    A SPARQL 1.1 endpoint the user runs (Query + Update), such as ``oxigraph
    serve --union-default-graph``. The query endpoint is the URL; the update
    endpoint is the same URL with a final ``/query`` replaced by ``/update``
    (Oxigraph's layout), or the URL itself.

Loading replaces each article's named graph as a whole (:func:`replace_graph`),
so re-ingesting an article never duplicates its triples; the default graph
(actors, topics, extractors shared by the articles) is added to, as a set.

Many files (shards, e.g. the ``graph.nq`` of each build) load with
:func:`load_all`: into the Oxigraph store by Oxigraph's bulk loader, into a
remote store through the SPARQL 1.1 Graph Store Protocol, one ``PUT`` per named
graph, so that each replaces its graph there too.

Queries run with bindings (:func:`query`), never with values pasted into their
text. On the memory and Oxigraph stores a binding holds for the whole query (on
Oxigraph by SEP-0007 substitution, which needs the variable projected; a
binding of an unprojected variable makes that one query fall back to rdflib's
engine); a remote store (rdflib's ``SPARQLStore``) sends them as a trailing ``VALUES``
clause, which joins after grouping, so there bind only variables the query
projects or groups by (``?speaker``, ``?stance``, ``?target``), not one that
appears only inside a ``FILTER`` (``quotes-containing``'s ``?word``).

>>> ds = open_store("memory")
>>> ds.default_union
True
"""

from __future__ import annotations

import http.client
import logging
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD
from rdflib.plugins.sparql.sparql import Query
from rdflib.plugins.stores.memory import Memory, SimpleMemory
from rdflib.query import Result
from rdflib.term import Identifier, Node, Variable

from .errors import KGError, UsageError

__all__ = [
    "FORMATS",
    "KINDS",
    "LoadError",
    "NativeOxigraphStore",
    "binding",
    "graph_file",
    "graph_store",
    "load",
    "load_all",
    "native",
    "open_for",
    "open_store",
    "query",
    "replace_graph",
    "resolve",
    "shards",
    "store_dir",
    "to_text",
]

log = logging.getLogger(__name__)

#: The named stores; anything starting with http:// or https:// is a remote endpoint.
KINDS = ("memory", "oxigraph")
#: File suffix -> rdflib parser.
FORMATS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt"}
#: File suffix -> Oxigraph parser (the same formats).
OX_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
}
#: Files at least this big go through Oxigraph's bulk loader (not transactional, builds its
#: index files directly); smaller ones through its transactional ``load``, which is faster for
#: many small shards.
BULK_BYTES = 16 * 1024 * 1024


class LoadError(KGError):
    """A graph file could not be loaded; names the file and the reason.

    >>> str(LoadError("a.nq", "line 3: unexpected end of file"))
    'cannot load a.nq: line 3: unexpected end of file'
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"cannot load {path}: {reason}")
        self.path = str(path)
        self.reason = reason


def _remote(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


# ---------------------------------------------------------------- Oxigraph's own engine


class NativeOxigraphStore(OxigraphStore):
    """oxrdflib's store, but SPARQL text runs on Oxigraph's engine and gives rdflib's terms.

    oxrdflib hands a parsed query (``prepareQuery``) to rdflib's engine, which then
    reads the store one triple pattern at a time, and it returns plain strings typed
    ``xsd:string``, which rdflib does not count equal to the plain literals the
    memory store gives. Here the text goes to :meth:`pyoxigraph.Store.query`:

    * the union of the graphs is the default graph when the dataset asks for it
      (``Dataset(default_union=True)``, as :func:`open_store` makes it);
    * bindings become SEP-0007 substitutions of parsed terms, never text; a
      binding of a variable the query does not project, which Oxigraph refuses,
      sends that query to rdflib's engine instead (same rows, slower);
    * terms come back as rdflib terms, ``xsd:string`` literals as plain ones, so
      rows equal the memory store's. Oxigraph keeps numbers in canonical form:
      ``"0.80"^^xsd:decimal`` comes back as ``"0.8"`` (the same value).

    A parsed :class:`~rdflib.plugins.sparql.sparql.Query` still goes to rdflib's
    engine: :func:`kg.queries.run` passes text here (see :func:`native`).
    """

    native_sparql = True

    def query(
        self,
        query: Query | str,
        initNs: Mapping[str, Any],  # noqa: N803 - rdflib's names
        initBindings: Mapping[str, Identifier],  # noqa: N803
        queryGraph: str | Node,  # noqa: N803
        **kwargs: object,
    ) -> Result:
        if isinstance(query, Query) or kwargs:
            raise NotImplementedError  # rdflib's engine takes over
        options: dict[str, Any] = {}
        if queryGraph == "__UNION__":
            options["use_default_graph_as_union"] = True
        elif queryGraph == DATASET_DEFAULT_GRAPH_ID:
            options["default_graph"] = ox.DefaultGraph()
        elif isinstance(queryGraph, (URIRef, BNode)):
            options["default_graph"] = _to_ox(queryGraph)
        try:
            answer = self._inner.query(
                query,
                prefixes={str(k): str(v) for k, v in initNs.items()},
                substitutions={ox.Variable(str(k)): _to_ox(v) for k, v in initBindings.items()},
                **options,
            )
        except SyntaxError as e:
            raise UsageError(f"the query does not parse: {e}") from None
        except RuntimeError as e:
            if initBindings and "projection" in str(e):
                log.info("Oxigraph cannot bind an unprojected variable; rdflib runs this query: %s", e)
                raise NotImplementedError from None
            raise
        return _from_ox_result(answer)


def native(graph: Graph) -> bool:
    """Whether ``graph``'s store runs SPARQL text on its own engine (the Oxigraph store).

    :func:`kg.queries.run` gives such a store the query's text rather than
    rdflib's parse of it, which only rdflib's engine can run.

    >>> native(open_store("memory"))
    False
    """
    return bool(getattr(graph.store, "native_sparql", False))


#: The name of the graph :func:`for_queries` copies into.
COPY_GRAPH = URIRef("urn:x-kg:query-copy")


def for_queries(graph: Graph) -> Graph:
    """``graph``, or an in-memory Oxigraph copy of it when it lives in rdflib's memory store.

    rdflib's engine joins triple patterns in Python: the two named queries that
    build the statement network took 26 s on 10,000 statements
    (``benchmarks/page.py``), Oxigraph's engine a fraction of a second, and the
    copy costs about as much as parsing the graph once. The rows are the same
    (see :class:`NativeOxigraphStore`). A store with its own engine, or a remote
    one, is returned as it is.

    >>> from rdflib import Graph
    >>> g = Graph().parse(data='<urn:a> <urn:b> "c" .', format="nt")
    >>> native(for_queries(g)), len(for_queries(g))
    (True, 1)
    """
    if native(graph) or not isinstance(graph.store, (Memory, SimpleMemory)):
        return graph
    store = NativeOxigraphStore()
    copy = Graph(store=store, identifier=COPY_GRAPH)
    name = _to_ox(COPY_GRAPH)
    terms: dict[Identifier, Any] = {}  # a graph repeats its terms: convert each once

    def ox_term(t: Identifier) -> Any:
        got = terms.get(t)
        if got is None:
            got = terms[t] = _to_ox(t)
        return got

    store._inner.bulk_extend(
        ox.Quad(ox_term(s), ox_term(p), ox_term(o), name) for s, p, o in graph.triples((None, None, None))
    )
    return copy


def _to_ox(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term (a plain literal as ``xsd:string``)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    raise UsageError(f"cannot bind {term!r}: expected a URIRef, a BNode or a Literal")


_XSD_STRING = str(XSD.string)


def _from_ox(term: Any, cache: dict[Any, Identifier]) -> Identifier:
    """A pyoxigraph term as an rdflib term; ``cache`` keeps the terms already made."""
    got = cache.get(term)
    if got is not None:
        return got
    if isinstance(term, ox.NamedNode):
        got = URIRef(term.value)
    elif isinstance(term, ox.Literal):
        if term.language:
            got = Literal(term.value, lang=term.language)
        elif term.datatype.value == _XSD_STRING:
            got = Literal(term.value)
        else:
            got = Literal(term.value, datatype=URIRef(term.datatype.value))
    elif isinstance(term, ox.BlankNode):
        got = BNode(term.value)
    else:
        raise UsageError(f"cannot return {term!r}: RDF-star triples are not supported")
    cache[term] = got
    return got


def _from_ox_result(answer: Any) -> Result:
    """An rdflib :class:`~rdflib.query.Result` of a pyoxigraph query answer."""
    cache: dict[Any, Identifier] = {}
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if isinstance(answer, ox.QuerySolutions):
        result = Result("SELECT")
        result.vars = [Variable(v.value) for v in answer.variables]

        def rows() -> Iterator[dict[Variable, Identifier]]:
            for solution in answer:
                yield {
                    var: _from_ox(value, cache)
                    for var, value in zip(result.vars, solution, strict=True)
                    if value is not None
                }

        result.bindings = rows()
        return result
    result = Result("CONSTRUCT")
    g = Graph()
    g.addN(
        (_from_ox(t.subject, cache), _from_ox(t.predicate, cache), _from_ox(t.object, cache), g)
        for t in answer
    )
    result.graph = g
    return result


def open_store(spec: str = "memory", location: str | Path | None = None) -> Dataset:
    """A dataset on the store ``spec`` (``memory``, ``oxigraph`` or an endpoint URL)."""
    if spec == "memory":
        return Dataset(default_union=True)
    if spec == "oxigraph":
        if location is None:
            raise UsageError("the oxigraph store needs a location (a directory)")
        Path(location).mkdir(parents=True, exist_ok=True)
        ds = Dataset(store=NativeOxigraphStore(), default_union=True)
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
    On the Oxigraph store the file is read by Oxigraph's own parser (see
    :func:`_load_native`); elsewhere by rdflib's. A file that does not parse
    raises :class:`LoadError` naming it.
    """
    p = graph_file(path)
    if isinstance(ds.store, NativeOxigraphStore):
        return _load_native(ds.store._inner, p)
    fmt = FORMATS[p.suffix]
    try:
        if fmt in ("trig", "nquads"):
            src = Dataset()
            src.parse(p, format=fmt)
            graphs = [(URIRef(str(g.identifier)), g) for g in src.graphs() if len(g)]
        else:
            graphs = [(URIRef(p.resolve().as_uri()), Graph().parse(p, format=fmt))]
    except Exception as e:  # rdflib's parsers raise many kinds
        raise LoadError(p, str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__) from None
    for name, g in graphs:
        if name == DATASET_DEFAULT_GRAPH_ID:  # shared nodes: added, a set, never replaced
            ds.default_graph.addN((s, p_, o, ds.default_graph) for s, p_, o in g)
        else:
            replace_graph(ds, name, g)
    return sum(len(g) for _, g in graphs)


def _read_quads(p: Path, keep: bool = True) -> tuple[int, dict[Any, list[Any]]]:
    """(count, graph name -> triples) of the file ``p``, read by Oxigraph's parser.

    A file without graph names (Turtle, N-Triples) is put in the named graph
    ``file://<absolute path>``, as :func:`load` does. With ``keep`` false the
    lists stay empty: only the names and the count are wanted.
    """
    fmt = OX_FORMATS[p.suffix]
    name: Any = (
        None if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG) else ox.NamedNode(p.resolve().as_uri())
    )
    graphs: dict[Any, list[Any]] = {}
    n = 0
    try:
        for q in ox.parse(path=p, format=fmt):
            triples = graphs.setdefault(name or q.graph_name, [])
            if keep:
                triples.append(q.triple)
            n += 1
    except (SyntaxError, ValueError, OSError) as e:
        raise LoadError(p, str(e)) from None
    return n, graphs


def _load_native(target: ox.Store, p: Path) -> int:
    """Load ``p`` into the pyoxigraph store ``target``, replacing each named graph it holds.

    The file is parsed once in full first (quickly, in Rust), so that a bad file
    changes nothing and the named graphs it holds are known; those are
    cleared, then the file is loaded by Oxigraph: its bulk loader for files of
    :data:`BULK_BYTES` or more, its transactional ``load`` for smaller ones.
    """
    fmt = OX_FORMATS[p.suffix]
    n, graphs = _read_quads(p, keep=False)
    named = [g for g in graphs if not isinstance(g, ox.DefaultGraph)]
    for g in named:
        target.clear_graph(g)
    to_graph = None if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG) else named[0] if named else None
    try:
        if p.stat().st_size >= BULK_BYTES:
            target.bulk_load(path=p, format=fmt, to_graph=to_graph)
        else:
            target.load(path=p, format=fmt, to_graph=to_graph)
    except (SyntaxError, ValueError, OSError) as e:  # pragma: no cover - parsed above
        raise LoadError(p, str(e)) from None
    return n


def shards(paths: Iterable[str | Path]) -> list[Path]:
    """The graph files under ``paths``: files as given, folders searched recursively
    for ``*.nq``, ``*.trig``, ``*.ttl`` and ``*.nt``, each folder's files in sorted order.

    >>> shards([])
    []
    """
    found: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            found += sorted(f for f in p.rglob("*") if f.suffix in FORMATS and f.is_file())
        elif p.is_file():
            if p.suffix not in FORMATS:
                raise LoadError(p, f"unknown suffix {p.suffix!r}; valid suffixes: {', '.join(FORMATS)}")
            found.append(p)
        else:
            raise LoadError(p, "no such file or folder")
    return found


def graph_store(spec: str) -> str:
    """The Graph Store Protocol URL beside the SPARQL endpoint ``spec``.

    Oxigraph's layout: ``…/query`` (or ``…/sparql``) -> ``…/store``.

    >>> graph_store("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/store'
    """
    for end in ("/query", "/sparql"):
        if spec.endswith(end):
            return spec[: -len(end)] + "/store"
    raise UsageError(
        f"cannot tell the Graph Store Protocol URL of {spec!r}; give it (e.g. --graph-store http://host/store)"
    )


def load_all(
    target: Dataset | str, paths: Iterable[str | Path], graph_store_url: str | None = None
) -> tuple[int, int]:
    """Load the graph files (shards) under ``paths`` in order; (files, triples) loaded.

    ``target`` is a dataset (:func:`open_store`) or the URL of a SPARQL endpoint.
    Each file replaces the named graphs it holds (a later file wins over an
    earlier one for the same graph) and adds to the default graph, as
    :func:`load` does. On the Oxigraph store that is Oxigraph's own loader; a
    remote store is sent each named graph as one Graph Store Protocol ``PUT``
    (which replaces it) and the default graph's triples as one ``POST`` (which
    adds them), to ``graph_store_url`` (default: :func:`graph_store`). Each file
    is parsed in full before any of it is sent; the first one that does not
    parse raises :class:`LoadError` naming it, and the files before it stay
    loaded.
    """
    files = shards(paths)
    total = 0
    if isinstance(target, str):
        url = graph_store_url or graph_store(target)
        for p in files:
            n, graphs = _read_quads(p)
            _send(url, p, graphs)
            total += n
            log.info("loaded %d triples from %s into %s", n, p, url)
        return len(files), total
    for p in files:
        n = load(target, p)
        total += n
        log.info("loaded %d triples from %s", n, p)
    return len(files), total


def _send(url: str, p: Path, graphs: dict[Any, list[Any]]) -> None:
    """Send ``graphs`` (read from ``p``) to the Graph Store Protocol endpoint ``url``."""
    parts = urlsplit(url)
    conn_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = conn_class(parts.netloc, timeout=300)
    try:
        for name in sorted(graphs, key=str):
            body = ox.serialize(graphs[name], format=ox.RdfFormat.N_TRIPLES)
            if isinstance(name, ox.DefaultGraph):
                method, where = "POST", f"{parts.path}?default"
            else:  # the graph's IRI goes in the URL, percent-encoded, never into a query
                method, where = "PUT", f"{parts.path}?graph={quote(name.value, safe='')}"
            try:
                conn.request(method, where, body=body, headers={"Content-Type": "application/n-triples"})
                reply = conn.getresponse()
                text = reply.read().decode("utf-8", "replace").strip()
            except OSError as e:
                raise LoadError(p, f"{url}: {e}") from None
            if reply.status >= 300:
                raise LoadError(p, f"{url} refused graph {name}: HTTP {reply.status} {text[:200]}")
    finally:
        conn.close()


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


def store_dir(path: str | Path) -> Path:
    """The Oxigraph store of ``path`` (an output folder or a graph file): ``oxigraph/`` beside it.

    >>> str(store_dir("out"))
    'out/oxigraph'
    """
    p = Path(path)
    return (p if p.is_dir() or not p.suffix else p.parent) / "oxigraph"


def open_for(path: str | Path, spec: str = "memory") -> Dataset:
    """The dataset ``kg query``/``kg serve`` read: ``path``'s graph on the store ``spec``.

    ``memory`` loads the graph file; ``oxigraph`` keeps it in ``oxigraph/`` beside
    the file (:func:`store_dir`) and reloads it when the file is newer; an output
    folder with such a store but no graph file (filled by ``kg load``) is read as
    it is. A remote endpoint is queried as it is (load it with :func:`load_all`).
    """
    if _remote(spec):
        return open_store(spec)
    if spec == "oxigraph":
        location = store_dir(path)
        try:
            source: Path | None = graph_file(path)
        except UsageError:
            if not location.is_dir():
                raise
            source = None
        ds = open_store(spec, location)
        marker = location / MARKER
        if source is not None and not (marker.is_file() and marker.stat().st_mtime >= source.stat().st_mtime):
            n = load(ds, source)
            marker.write_text(str(source), encoding="utf-8")
            log.info("loaded %d triples from %s into %s", n, source, location)
        return ds
    ds = open_store(spec)
    load(ds, graph_file(path))
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
