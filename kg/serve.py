"""A read-only SPARQL 1.1 Protocol endpoint at ``/sparql`` over the graph ``kg build`` wrote.

Every query is parsed with rdflib and its algebra checked before any engine
sees it, because no engine here is safe on its own (rdflib follows ``SERVICE``
and loads ``FROM <file:…>``; pyoxigraph follows ``SERVICE``; neither has a
timeout). Refused, with a 4xx status and a one-line reason:

* SPARQL Update, including ``LOAD`` (403): the endpoint is read-only;
* ``SERVICE`` anywhere, also inside ``EXISTS`` or a subquery (403);
* ``FROM``/``FROM NAMED`` (or ``default-graph-uri``/``named-graph-uri``) naming a
  graph that is not one of the dataset's own named graphs (403);
* a query that does not parse (400), or one whose result is larger than the cap (400).

Each query runs in a forked child process that is killed when the timeout
passes (503), so a runaway query cannot hold the server. Requests are served
one at a time. The server listens on 127.0.0.1 unless told otherwise.

Results by ``Accept``: SPARQL JSON (default), XML, CSV or TSV for SELECT and
ASK; Turtle (default), JSON-LD or N-Triples for CONSTRUCT and DESCRIBE.
"""

from __future__ import annotations

import ipaddress
import logging
import multiprocessing
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from rdflib import Dataset, URIRef
from rdflib.plugins.sparql import algebra, parser
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query

from . import store
from .errors import KGError, UsageError

__all__ = ["Endpoint", "Refused", "check", "make_server", "serve"]

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_RESULTS = 10_000
PATH = "/sparql"

#: Accept media type -> rdflib serializer, for SELECT/ASK and for CONSTRUCT/DESCRIBE; first is the default.
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/x-json+ld": "json-ld",
    "application/n-triples": "nt",
}
CONTENT_TYPE = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "json-ld": "application/ld+json",
    "nt": "application/n-triples",
}


class Refused(KGError):
    """A request the endpoint will not run; ``status`` is its HTTP status."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def _walk(node: object) -> Iterable[CompValue]:
    """Every algebra node under ``node``: patterns, expressions, subqueries."""
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _walk(value)


def check(
    text: str,
    graphs: Iterable[URIRef] = (),
    extra_from: Iterable[URIRef] = (),
    extra_named: Iterable[URIRef] = (),
) -> tuple[Query, list[URIRef], list[URIRef]]:
    """Parse ``text`` and refuse what a read-only endpoint must not run.

    ``graphs`` are the dataset's own named graphs, the only ones ``FROM``/``FROM
    NAMED`` may name. Returns the parsed query with its dataset clause removed,
    and the graphs it named as default and as named graphs.

    >>> check("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.serve.Refused: SERVICE is not allowed: this endpoint never queries other endpoints
    """
    try:
        parsed = parser.parseQuery(text)
    except Exception as query_error:
        try:
            parser.parseUpdate(text)
        except Exception:
            raise Refused(400, f"the query does not parse: {query_error}") from None
        raise Refused(
            403,
            "SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP...) is not allowed: this endpoint is read-only",
        ) from None
    try:
        query = algebra.translateQuery(parsed)
    except Exception as e:
        raise Refused(400, f"the query cannot be evaluated: {e}") from None
    for node in _walk(query.algebra):
        if node.name == "ServiceGraphPattern":
            raise Refused(403, "SERVICE is not allowed: this endpoint never queries other endpoints")
    defaults, named = list(extra_from), list(extra_named)
    clauses = query.algebra["datasetClause"] if "datasetClause" in query.algebra else None
    for clause in clauses or ():
        if "default" in clause:
            defaults.append(clause["default"])
        else:
            named.append(clause["named"])
    known = set(graphs)
    for iri in defaults + named:
        if URIRef(iri) not in known:
            raise Refused(
                403,
                f"FROM <{iri}> is not allowed: it names no graph of this dataset; only the "
                "dataset's own named graphs (one per article) may be used",
            )
    query.algebra["datasetClause"] = None
    return query, [URIRef(i) for i in defaults], [URIRef(i) for i in named]


@dataclass
class Endpoint:
    """The graph under ``path`` on ``store_kind`` (memory or oxigraph), queried safely."""

    path: str | Path = "out"
    store_kind: str = "memory"
    timeout: float = DEFAULT_TIMEOUT
    max_results: int = DEFAULT_MAX_RESULTS
    graphs: set[URIRef] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.store_kind not in store.KINDS:
            raise UsageError(
                f"cannot serve store {self.store_kind!r}; valid stores: {', '.join(store.KINDS)}"
            )
        ds = store.open_for(self.path, self.store_kind)
        self.graphs = {URIRef(str(g.identifier)) for g in ds.graphs() if g != ds.default_graph}
        if self.store_kind == "memory":
            self.dataset: Dataset | None = ds
        else:  # each child opens the on-disk store itself
            ds.close()
            self.dataset = None
            self.location = store.store_dir(self.path)

    def run(
        self,
        text: str,
        accept: str = "",
        extra_from: Iterable[URIRef] = (),
        extra_named: Iterable[URIRef] = (),
    ) -> tuple[str, bytes]:
        """(content type, body) of ``text``'s result; raises :class:`Refused`."""
        query, defaults, named = check(text, self.graphs, extra_from, extra_named)
        reader, writer = multiprocessing.get_context("fork").Pipe(duplex=False)
        child = multiprocessing.get_context("fork").Process(
            target=self._child, args=(writer, text, query, defaults, named, accept), daemon=True
        )
        child.start()
        writer.close()
        try:
            if not reader.poll(self.timeout):
                raise Refused(503, f"the query took longer than the timeout of {self.timeout:g} s")
            status, a, b = reader.recv()
        except EOFError:
            raise Refused(500, "the query failed") from None
        finally:
            if child.is_alive():
                child.kill()
            child.join()
            reader.close()
        if status != 200:
            raise Refused(status, a)
        return a, b

    # ---------------------------------------------------------------- in the child process

    def _child(self, conn, text, query, defaults, named, accept) -> None:
        try:
            conn.send((200, *self._evaluate(text, query, defaults, named, accept)))
        except Refused as e:
            conn.send((e.status, e.reason, b""))
        except Exception as e:  # noqa: BLE001 - reported to the client, not raised
            conn.send((400, f"the query failed: {e}", b""))
        finally:
            conn.close()

    def _evaluate(self, text, query, defaults, named, accept) -> tuple[str, bytes]:
        ds = self.dataset if self.dataset is not None else store.open_store("oxigraph", self.location)
        if defaults or named:
            # the dataset the query describes, copied from our own graphs and run by rdflib
            # (Oxigraph's union default graph would override FROM)
            result = _view(ds, defaults, named).query(query)
        elif self.dataset is not None:
            result = ds.query(query)  # the parsed, checked query itself
        else:
            result = ds.query(text)  # checked above; Oxigraph parses it again
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            g = result.graph
            if len(g) > self.max_results:
                raise Refused(
                    400,
                    f"the result has {len(g)} triples, more than the cap of {self.max_results}; add a LIMIT",
                )
            fmt = _negotiate(accept, GRAPH_TYPES)
            for prefix, ns in store.PREFIXES.items():
                g.bind(prefix, ns)
            return CONTENT_TYPE[fmt], g.serialize(format=fmt, encoding="utf-8")
        fmt = _negotiate(accept, RESULT_TYPES)
        if result.type == "SELECT":
            rows = []
            for row in result:
                rows.append(row)
                if len(rows) > self.max_results:
                    raise Refused(
                        400, f"the result has more than the cap of {self.max_results} rows; add a LIMIT"
                    )
            result.bindings = [dict(zip(result.vars, row, strict=True)) for row in rows]
        if fmt == "tsv":
            return CONTENT_TYPE[fmt], _tsv(result)
        if result.type == "ASK" and fmt == "csv":
            return CONTENT_TYPE[fmt], b"true\n" if result.askAnswer else b"false\n"
        return CONTENT_TYPE[fmt], result.serialize(format=fmt)


def _view(ds: Dataset, defaults: list[URIRef], named: list[URIRef]) -> Dataset:
    """The dataset of a query's FROM / FROM NAMED clauses, from ``ds``'s own graphs only."""
    view = Dataset()
    for iri in defaults:
        for triple in ds.graph(iri):
            view.default_graph.add(triple)
    for iri in named:
        g = view.graph(iri)
        for triple in ds.graph(iri):
            g.add(triple)
    return view


def _negotiate(accept: str, types: dict[str, str]) -> str:
    """The serializer for the best type in an ``Accept`` header; the first of ``types`` by default."""
    offers = []
    for i, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media in types and q > 0:
            offers.append((-q, i, types[media]))
    return min(offers)[2] if offers else next(iter(types.values()))


def _tsv(result) -> bytes:
    """SPARQL 1.1 TSV results: ``?var`` headers, terms in Turtle syntax."""
    if result.type == "ASK":
        return b"true\n" if result.askAnswer else b"false\n"
    names = list(result.vars or ())
    lines = ["\t".join(f"?{v}" for v in names)]
    for row in result.bindings:
        lines.append("\t".join("" if row.get(v) is None else row[v].n3() for v in names))
    return ("\n".join(lines) + "\n").encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    endpoint: Endpoint
    server_version = "kg-sparql/0.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        log.info("%s - %s", self.address_string(), format % args)

    def _reply(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _refuse(self, e: Refused) -> None:
        self._reply(e.status, "text/plain; charset=utf-8", (e.reason + "\n").encode("utf-8"))

    def _handle(self, params: dict[str, list[str]], body_query: str | None = None) -> None:
        if urlsplit(self.path).path != PATH:
            return self._refuse(Refused(404, f"no such resource; the SPARQL endpoint is {PATH}"))
        try:
            if "update" in params:
                raise Refused(403, "SPARQL Update is not allowed: this endpoint is read-only")
            queries = params.get("query", [])
            if body_query is not None:
                queries = [body_query]
            if len(queries) != 1:
                raise Refused(400, "give exactly one query (the 'query' parameter)")
            content_type, body = self.endpoint.run(
                queries[0],
                self.headers.get("Accept", ""),
                [URIRef(u) for u in params.get("default-graph-uri", [])],
                [URIRef(u) for u in params.get("named-graph-uri", [])],
            )
        except Refused as e:
            return self._refuse(e)
        except Exception as e:  # noqa: BLE001 - answer, do not drop the connection
            log.exception("query failed")
            return self._refuse(Refused(500, f"internal error: {e}"))
        self._reply(200, content_type, body)

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        self._handle(parse_qs(urlsplit(self.path).query))

    def do_POST(self) -> None:  # noqa: N802 - the base class's name
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        params = parse_qs(urlsplit(self.path).query)
        if kind == "application/x-www-form-urlencoded":
            params.update(parse_qs(raw))
            return self._handle(params)
        if kind == "application/sparql-query":
            return self._handle(params, raw)
        if kind == "application/sparql-update":
            return self._refuse(Refused(403, "SPARQL Update is not allowed: this endpoint is read-only"))
        return self._refuse(
            Refused(
                415,
                f"unsupported content type {kind!r}; valid: "
                "application/x-www-form-urlencoded, application/sparql-query",
            )
        )


def make_server(endpoint: Endpoint, host: str = "127.0.0.1", port: int = 7878) -> HTTPServer:
    """An HTTP server for ``endpoint`` (not started); port 0 picks a free port."""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        log.warning("serving on %s: the endpoint is reachable from other machines", host)
    handler = type("Handler", (_Handler,), {"endpoint": endpoint})
    return HTTPServer((host, port), handler)


def serve(endpoint: Endpoint, host: str = "127.0.0.1", port: int = 7878) -> None:
    """Serve until interrupted."""
    server = make_server(endpoint, host, port)
    try:
        server.serve_forever()
    finally:
        server.server_close()
