"""Specification of `kg serve` (kg.serve): a read-only SPARQL 1.1 Protocol endpoint,
queried with SPARQLWrapper as a real client would. The server runs as a `kg serve`
subprocess on 127.0.0.1 with a one-second timeout and a cap of 20 results."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph

from kg.iri import Iris
from kg.pipeline import Result, write_outputs
from kg.records import Actor, ActorType, Article, Kind, Stance, Statement
from kg.serve import Refused, check

pytest.importorskip("SPARQLWrapper")
from SPARQLWrapper import CSV, JSON, JSONLD, TURTLE, XML, SPARQLWrapper  # noqa: E402
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed  # noqa: E402

IRIS = Iris()
KGO = "PREFIX kgo: <https://w3id.org/newsgraph/ontology#>\n"
ALAND = Actor("Aland", "Aland", ActorType.COUNTRY)
BLAND = Actor("Bland", "Bland", ActorType.COUNTRY)


def said(speaker, stance, target, doc, start):
    return Statement(
        doc,
        speaker,
        stance,
        Kind.INDIRECT,
        stance.value,
        f"{speaker.label} {stance.value}",
        start,
        start + 10,
        "",
        start,
        start + 10,
        targets=(target,),
        extractor="speech",
    )


STATEMENTS = [said(ALAND, Stance.ACCUSE, BLAND, "a.txt", 0), said(BLAND, Stance.DENY, ALAND, "b.txt", 0)]
ARTICLES = [Article("a.txt", "text", ()), Article("b.txt", "text", ())]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    write_outputs(Result(articles=ARTICLES, statements=STATEMENTS), out)
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kg",
            "serve",
            str(out),
            "--port",
            str(port),
            "--timeout",
            "1",
            "--max-results",
            "20",
            "-q",
        ],
        cwd=Path(__file__).resolve().parent.parent,
        stderr=subprocess.PIPE,
    )
    endpoint = f"http://127.0.0.1:{port}/sparql"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(endpoint + "?query=ASK%7B%7D", timeout=2).read()
                break
            except urllib.error.URLError:
                if proc.poll() is not None:
                    pytest.fail(proc.stderr.read().decode())
                time.sleep(0.05)
        yield endpoint
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def client(url: str, query: str, fmt=JSON, method="GET") -> SPARQLWrapper:
    sw = SPARQLWrapper(url)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    return sw


def raw(url: str, query: str, accept: str = "", data: bytes | None = None, content_type: str = ""):
    """(status, content type, body) of one request, errors included."""
    target = url if data is not None else url + "?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(target, data=data, headers={"Accept": accept, "Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers["Content-Type"], r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read().decode()


SPEAKERS = KGO + "SELECT ?s WHERE { ?st kgo:speaker ?s } ORDER BY ?s"


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select(url, method):
    data = client(url, SPEAKERS, JSON, method).query().convert()
    assert [b["s"]["value"] for b in data["results"]["bindings"]] == [
        str(IRIS.actor("Aland")),
        str(IRIS.actor("Bland")),
    ]


def test_select_as_xml_csv_and_tsv(url):
    assert client(url, SPEAKERS, XML).query().convert().getElementsByTagName("result").length == 2
    assert client(url, SPEAKERS, CSV).query().convert().decode().splitlines() == [
        "s",
        str(IRIS.actor("Aland")),
        str(IRIS.actor("Bland")),
    ]
    status, kind, body = raw(url, SPEAKERS, "text/tab-separated-values")
    assert (status, kind) == (200, "text/tab-separated-values")
    assert body.splitlines() == ["?s", f"<{IRIS.actor('Aland')}>", f"<{IRIS.actor('Bland')}>"]


def test_a_sparql_query_body_by_post(url):
    status, _, body = raw(
        url, "", "application/sparql-results+json", SPEAKERS.encode(), "application/sparql-query"
    )
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 2


def test_ask(url):
    assert client(url, KGO + "ASK { ?s kgo:stance ?o }").query().convert()["boolean"] is True
    assert client(url, KGO + "ASK { ?s kgo:nothing ?o }").query().convert()["boolean"] is False


@pytest.mark.parametrize("fmt", [TURTLE, JSONLD])
def test_construct(url, fmt):
    query = KGO + "CONSTRUCT { ?s kgo:speaker ?o } WHERE { ?s kgo:speaker ?o }"
    out = client(url, query, fmt).query().convert()
    g = out if isinstance(out, Graph) else Graph().parse(data=out, format="turtle")
    assert len(g) == 2


def test_from_one_of_the_datasets_own_graphs(url):
    query = KGO + f"SELECT ?s FROM <{IRIS.article('a.txt')}> WHERE {{ ?st kgo:speaker ?s }}"
    rows = client(url, query).query().convert()["results"]["bindings"]
    assert [r["s"]["value"] for r in rows] == [str(IRIS.actor("Aland"))]


REFUSED = [
    ("update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", 403, "SPARQL Update"),
    ("load", "LOAD <file:///etc/passwd>", 403, "SPARQL Update"),
    ("service", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", 403, "SERVICE"),
    (
        "service inside exists",
        "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:9/> { ?s ?p ?x } } }",
        403,
        "SERVICE",
    ),
    (
        "from a file",
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
        403,
        "FROM <file:///etc/passwd>",
    ),
    (
        "from named elsewhere",
        "SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
        403,
        "FROM <http://127.0.0.1:9/g>",
    ),
    ("malformed", "SELECT WHERE nothing", 400, "does not parse"),
    ("too many results", "SELECT * WHERE { ?s ?p ?o }", 400, "cap of 20"),
]


@pytest.mark.parametrize(("case", "query", "status", "reason"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refusals(url, case, query, status, reason):
    got, kind, body = raw(url, query)
    assert (got, kind.split(";")[0]) == (status, "text/plain")
    assert reason in body
    # what a client sees: SPARQLWrapper maps 400 to QueryBadFormed and passes 403 on as an HTTPError
    with pytest.raises(QueryBadFormed if status == 400 else urllib.error.HTTPError) as e:
        client(url, query).query()
    assert status == 400 or e.value.code == status


def test_an_update_request_is_refused(url):
    status, _, body = raw(
        url,
        "",
        "",
        urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(),
        "application/x-www-form-urlencoded",
    )
    assert status == 403 and "read-only" in body
    status, _, _ = raw(url, "", "", b"CLEAR ALL", "application/sparql-update")
    assert status == 403
    # and nothing was cleared
    assert client(url, KGO + "ASK { ?s kgo:stance ?o }").query().convert()["boolean"] is True


def test_a_slow_query_times_out_and_the_server_carries_on(url):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    started = time.monotonic()
    status, _, body = raw(url, slow)
    assert status == 503 and "timeout of 1 s" in body
    assert time.monotonic() - started < 5
    with pytest.raises(urllib.error.HTTPError) as e:  # SPARQLWrapper passes 503 on as it is
        client(url, slow).query()
    assert e.value.code == 503
    assert client(url, KGO + "ASK { ?s kgo:stance ?o }").query().convert()["boolean"] is True


def test_a_bad_query_reaches_the_client_as_bad_formed(url):
    with pytest.raises(QueryBadFormed):
        client(url, "SELECT WHERE nothing").query()


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("DELETE WHERE { ?s ?p ?o }", "read-only"),
        ("SELECT * { { SELECT * { SERVICE <http://x/> { ?s ?p ?o } } } }", "SERVICE"),
        ("SELECT * FROM <http://x/g> { ?s ?p ?o }", "FROM <http://x/g>"),
    ],
)
def test_check_refuses_before_any_engine_runs(query, reason):
    with pytest.raises(Refused, match=reason):
        check(query, graphs=[])


def test_the_oxigraph_store_is_served_the_same_way(tmp_path):
    from kg.serve import Endpoint

    write_outputs(Result(articles=ARTICLES, statements=STATEMENTS), tmp_path)
    endpoint = Endpoint(tmp_path, "oxigraph", timeout=5)
    kind, body = endpoint.run(SPEAKERS, "text/csv")
    assert (kind, body.decode().split()) == (
        "text/csv",
        ["s", str(IRIS.actor("Aland")), str(IRIS.actor("Bland"))],
    )
    kind, body = endpoint.run(
        KGO + f"SELECT ?s FROM <{IRIS.article('b.txt')}> WHERE {{ ?st kgo:speaker ?s }}"
    )
    assert [b["s"]["value"] for b in json.loads(body)["results"]["bindings"]] == [str(IRIS.actor("Bland"))]
    with pytest.raises(Refused, match="SERVICE"):
        endpoint.run("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
