"""Specification of kg.store, kg.rdf.to_dataset (one named graph per article) and
`kg query`: the same answers on every store, no duplicates on re-ingest.

The remote store is a real Oxigraph server (PyPI ``oxigraph``) started on
127.0.0.1 by the fixture below; no other network traffic.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic

from kg import store
from kg.cli import main
from kg.errors import UsageError
from kg.iri import Iris
from kg.pipeline import Result, write_outputs
from kg.rdf import to_dataset, to_graph
from kg.records import Actor, ActorType, Article, Kind, Stance, Statement, Topic
from kg.vocab import KGS

IRIS = Iris()
ALAND = Actor("Aland", "Aland", ActorType.COUNTRY)
BLAND = Actor("Bland", "Bland", ActorType.COUNTRY)
BOB = Actor("Bob", "Bob", ActorType.PERSON, affiliation=("Aland", "Harbour League"))


def said(speaker, stance, target, doc, start, content=""):
    kind = Kind.DIRECT if content else Kind.INDIRECT
    return Statement(
        doc,
        speaker,
        stance,
        kind,
        stance.value,
        f"{speaker.label} {stance.value} {target.label}",
        start,
        start + 10,
        content,
        start,
        start + 10,
        targets=(target,),
        extractor="speech",
    )


A = [
    said(BOB, Stance.ACCUSE, BLAND, "a.txt", 0, "Bland broke the truce"),
    said(BOB, Stance.WARN, BLAND, "a.txt", 50),
]
B = [said(ALAND, Stance.SUPPORT, BOB, "b.txt", 0), said(BLAND, Stance.DENY, ALAND, "b.txt", 40)]
ARTICLES = [Article("a.txt", "text a", (), date="2022-01-01"), Article("b.txt", "text b", ())]


def union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def same(g1: Graph, g2: Graph) -> bool:
    if isomorphic(g1, g2):
        return True
    _, only1, only2 = graph_diff(g1, g2)
    print("only in first:\n", only1.serialize(format="nt"), "only in second:\n", only2.serialize(format="nt"))
    return False


# ---------------------------------------------------------------- named graphs


def test_one_named_graph_per_article_whose_union_is_the_graph():
    ds = to_dataset(A + B, ARTICLES)
    names = sorted(str(g.identifier) for g in ds.graphs() if len(g) and g != ds.default_graph)
    assert names == [str(IRIS.article("a.txt")), str(IRIS.article("b.txt"))]
    assert same(union(ds), to_graph(A + B, ARTICLES))


def test_statements_are_in_their_article_graph_and_shared_nodes_in_the_default_graph_once():
    ds = to_dataset(A + B, ARTICLES)
    a_graph = ds.graph(IRIS.article("a.txt"))
    statement = URIRef(str(IRIS.statement("a.txt", 0, 10, "Bob", "accuse", "accuse")))
    assert (statement, None, None) in a_graph
    assert (
        IRIS.actor("Bob"),
        URIRef("https://w3id.org/newsgraph/ontology#accuses"),
        IRIS.actor("Bland"),
    ) in a_graph
    assert (IRIS.actor("Bob"), None, None) not in ds.graph(IRIS.article("b.txt"))
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    quads = list(ds.quads((IRIS.actor("Bland"), label, None, None)))
    assert [(str(o), g) for _, _, o, g in quads] == [("Bland", ds.default_graph.identifier)]


def test_reingesting_an_article_replaces_its_graph():
    ds = store.open_store("memory")
    first = to_dataset(A + B, ARTICLES)
    for g in first.graphs():
        store.replace_graph(ds, URIRef(str(g.identifier)), g)
    size = len(union(ds))
    for g in first.graphs():  # the same again: no duplicates
        store.replace_graph(ds, URIRef(str(g.identifier)), g)
    assert len(union(ds)) == size
    # a.txt re-extracted with one statement fewer: the other is gone, b.txt untouched
    smaller = to_dataset(A[:1], ARTICLES[:1])
    store.replace_graph(ds, IRIS.article("a.txt"), smaller.graph(IRIS.article("a.txt")))
    assert same(union(ds), union(to_dataset(A[:1] + B, ARTICLES)))


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    write_outputs(Result(articles=ARTICLES, statements=A + B), out)
    return out


def test_build_writes_trig_and_nquads_beside_turtle(out):
    turtle = Graph().parse(out / "graph.ttl")
    for name, fmt in (("graph.trig", "trig"), ("graph.nq", "nquads")):
        ds = Dataset()
        ds.parse(out / name, format=fmt)
        assert len([g for g in ds.graphs() if len(g) and g != ds.default_graph]) == 2, name
        assert same(union(ds), turtle), name


# ---------------------------------------------------------------- stores


ASK_BOB = f"ASK {{ ?s <https://w3id.org/newsgraph/ontology#speaker> <{IRIS.actor('Bob')}> }}"


def answers(ds: Dataset) -> dict:
    """The same few questions, asked of any store."""
    return {
        "accusations": [
            (str(r["speakerLabel"]), str(r["targetLabel"])) for r in store.query(ds, "accusations")
        ],
        "bound": [
            int(r["start"].toPython())
            for r in store.query(ds, "speaker-statements", {"speaker": IRIS.actor("Bob")})
        ],
        "stance": [str(r["speakerLabel"]) for r in store.query(ds, "statements", {"stance": KGS.deny})],
        "ask": store.query(ds, ASK_BOB).askAnswer,
        "triples": len(list(ds.query("SELECT * WHERE { ?s ?p ?o }"))),
    }


EXPECTED = {"accusations": [("Bob", "Bland")], "bound": [0, 50], "stance": ["Bland"], "ask": True}


def check(ds: Dataset, out: Path) -> None:
    store.load(ds, out / "graph.trig")
    got = answers(ds)
    assert got.pop("triples") == len(Graph().parse(out / "graph.ttl"))
    assert got == EXPECTED
    store.load(ds, out / "graph.trig")  # loading again replaces, never duplicates
    assert answers(ds)["triples"] == len(Graph().parse(out / "graph.ttl"))


def test_memory_store(out):
    check(store.open_store("memory"), out)


def test_oxigraph_store_on_disk(out, tmp_path):
    ds = store.open_store("oxigraph", tmp_path / "ox")
    check(ds, out)
    ds.close()
    again = store.open_store("oxigraph", tmp_path / "ox")  # persisted
    assert store.query(again, ASK_BOB).askAnswer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    yield from _oxigraph_server(tmp_path_factory)


@pytest.fixture
def empty_oxigraph_server(tmp_path_factory):
    """A server of its own, empty."""
    yield from _oxigraph_server(tmp_path_factory)


def _oxigraph_server(tmp_path_factory):
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(exe).exists():
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed")
    port = free_port()
    proc = subprocess.Popen(
        [
            exe,
            "serve",
            "--location",
            str(tmp_path_factory.mktemp("oxserver")),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.05)
        else:
            pytest.fail("the oxigraph server did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_remote_store_query_and_update(out, oxigraph_server):
    check(store.open_store(oxigraph_server), out)


def test_unknown_store_lists_the_valid_ones():
    with pytest.raises(UsageError, match="unknown store 'sqlite'; valid stores: memory, oxigraph or an http"):
        store.open_store("sqlite")


# ---------------------------------------------------------------- kg query


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_kg_query_a_named_query_with_a_binding(out, backend, capsys):
    assert (
        main(
            [
                "query",
                "speaker-statements",
                str(out),
                "--store",
                backend,
                "--format",
                "csv",
                "--bind",
                f"speaker=<{IRIS.actor('Bob')}>",
            ]
        )
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["doc"], r["start"], r["cue"]) for r in rows] == [
        ("a.txt", "0", "accuse"),
        ("a.txt", "50", "warn"),
    ]


def test_kg_query_from_a_file_as_json(out, tmp_path, capsys):
    rq = tmp_path / "denials.rq"
    rq.write_text(
        "PREFIX kgo: <https://w3id.org/newsgraph/ontology#>\nSELECT ?s WHERE { ?s kgo:stance ?stance }",
        encoding="utf-8",
    )
    assert (
        main(["query", str(rq), str(out / "graph.ttl"), "--format", "json", "--bind", "stance=kgs:deny"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert len(data["results"]["bindings"]) == 1


def test_kg_query_sparql_text_as_a_table(out, capsys):
    assert (
        main(
            [
                "query",
                "SELECT ?label WHERE { ?a <http://www.w3.org/2000/01/rdf-schema#label> ?label } "
                "ORDER BY ?label LIMIT 2",
                str(out),
            ]
        )
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "label" and lines[2:] == ["Aland", "Bland", "(2 rows)"]


def test_kg_query_a_word_is_bound_not_pasted(out, capsys):
    assert main(["query", "quotes-containing", str(out), "--bind", 'word=") } #', "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == []
    assert main(["query", "quotes-containing", str(out), "--bind", "word=TRUCE", "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["query", "nope"], "'nope' is not a query name, a .rq file or SPARQL; valid names: accusations"),
        (["query", "actors", "--bind", "speaker"], "bad binding 'speaker': expected VAR=VALUE"),
        (["query", "actors", "/nonexistent/graph.ttl"], "no such graph file"),
        (["query", "actors", "--store", "sqlite"], "valid stores: memory, oxigraph"),
    ],
)
def test_kg_query_errors_name_the_bad_value(out, argv, message, capsys):
    if argv[-1] == "nope" or "--bind" in argv or "--store" in argv:
        argv = [*argv[:2], str(out), *argv[2:]]
    assert main(argv) == 2
    assert message in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils (rapper) is not installed")
@pytest.mark.parametrize(("name", "syntax"), [("graph.trig", "trig"), ("graph.nq", "nquads")])
def test_trig_and_nquads_parse_with_an_independent_parser(out, name, syntax):
    run = subprocess.run(["rapper", "-i", syntax, "-c", str(out / name)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert f"returned {len(Graph().parse(out / 'graph.ttl'))} triples" in run.stderr


# ---------------------------------------------------------------- Oxigraph's own engine


def test_the_oxigraph_store_runs_queries_on_its_own_engine(tmp_path):
    assert store.native(store.open_store("oxigraph", tmp_path / "ox"))
    assert not store.native(store.open_store("memory"))


#: The documented bindings of each named query (their leading comments), one case each.
BINDINGS = {
    "accusations": {"stance": KGS.accuse},
    "actors": {"actor": IRIS.actor("Bob")},
    "actors-by-affiliation": {"affiliate": IRIS.actor("Aland")},
    "article-extractors": {"article": IRIS.article("a.txt")},
    "contradictions": {"actor": IRIS.actor("Bob")},
    "most-targeted": {"target": IRIS.actor("Bland")},
    "quotes-containing": {"word": "truce"},
    "shared-stance": {"stance": KGS.criticize},
    "speaker-statements": {"speaker": IRIS.actor("Bob")},
    "stance-over-time": {"speaker": IRIS.actor("Bob")},
    "statements": {"stance": KGS.warn},
    "topic-statements": {"speaker": IRIS.actor("Bland")},
}
# Bob also supports Bland (a contradiction), Aland and Bland both criticize Bob (a shared
# stance), Bland speaks of a topic: every query has rows to compare
MORE = [
    said(BOB, Stance.SUPPORT, BLAND, "b.txt", 160),
    said(BLAND, Stance.CLAIM, Topic("talks", "talks"), "b.txt", 200),
    said(ALAND, Stance.CRITICIZE, BOB, "b.txt", 80),
    said(BLAND, Stance.CRITICIZE, BOB, "b.txt", 120, "Bob is not a partner"),
]


def comparable(rows: list[dict]) -> list[tuple]:
    """Rows with typed literals as values (Oxigraph keeps "0.80"^^xsd:decimal as "0.8") and the
    GROUP_CONCAT columns, which have no defined order, sorted."""
    out = []
    for row in rows:
        cells = []
        for k, v in row.items():
            if k in ("targets", "affiliation"):
                v = sorted(str(v).split("; "))
            elif getattr(v, "datatype", None) is not None:
                v = v.toPython()
            cells.append((k, v))
        out.append(tuple(cells))
    return out


@pytest.mark.parametrize("name", sorted(BINDINGS))
def test_every_named_query_answers_the_same_on_memory_and_oxigraph(out, tmp_path, name):
    from kg import queries

    assert sorted(BINDINGS) == queries.available()
    src = tmp_path / "graph.trig"
    src.write_bytes(to_dataset(A + B + MORE, ARTICLES).serialize(format="trig", encoding="utf-8"))
    memory, oxigraph = store.open_store("memory"), store.open_store("oxigraph", tmp_path / "ox")
    for ds in (memory, oxigraph):
        store.load(ds, src)
    for bindings in ({}, BINDINGS[name]):
        if name == "quotes-containing" and not bindings:
            continue  # ?word is required
        expected = comparable(queries.run(memory, name, **bindings))
        assert expected, (name, bindings)
        assert comparable(queries.run(oxigraph, name, **bindings)) == expected, (name, bindings)
        rows = list(
            store.query(
                oxigraph, name, {k: v if isinstance(v, URIRef) else Literal(v) for k, v in bindings.items()}
            )
        )
        assert len(rows) == len(expected)


def test_a_binding_the_query_does_not_project_falls_back_to_rdflib(out, tmp_path):
    ds = store.open_store("oxigraph", tmp_path / "ox")
    store.load(ds, out / "graph.trig")
    text = "PREFIX kgo: <https://w3id.org/newsgraph/ontology#> SELECT ?s WHERE { ?s kgo:stance ?stance }"
    assert len(list(store.query(ds, text, {"stance": KGS.deny}))) == 1


# ---------------------------------------------------------------- kg load


@pytest.fixture(scope="module")
def shards(tmp_path_factory) -> list[Path]:
    """Two builds, a.txt then b.txt, each with its own graph.nq: the shards of a corpus."""
    paths = []
    for i, (statements, article) in enumerate(((A, ARTICLES[0]), (B, ARTICLES[1]))):
        build = tmp_path_factory.mktemp(f"build{i}")
        write_outputs(Result(articles=[article], statements=statements), build)
        paths.append(build / "graph.nq")
    return paths


def shard_union(paths: list[Path]) -> Graph:
    """The triples of all ``paths``, read by rdflib (each build types its own affiliates)."""
    g = Graph()
    for p in paths:
        ds = Dataset()
        ds.parse(p, format="nquads")
        g += union(ds)
    return g


def test_kg_load_shards_into_the_oxigraph_store_of_an_output_folder(shards, out, tmp_path, capsys):
    target = tmp_path / "corpus"
    assert main(["load", *map(str, shards), "-o", str(target)]) == 0
    assert "into " + str(target / "oxigraph") in capsys.readouterr().err
    assert main(["load", *map(str, shards), "-o", str(target), "-q"]) == 0  # again: replaces
    ds = store.open_for(target, "oxigraph")
    assert answers(ds)["triples"] == len(shard_union(shards))
    memory = store.open_store("memory")
    assert store.load_all(memory, shards) == (2, sum(len(shard_union([p])) for p in shards))
    assert answers(ds) == answers(memory)
    ds.close()
    assert main(["query", "accusations", str(target), "--store", "oxigraph", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1].split(",")[1] == "Bob"


def test_kg_load_a_folder_of_shards_into_a_sparql_server(shards, empty_oxigraph_server, tmp_path, capsys):
    oxigraph_server = empty_oxigraph_server
    folder = tmp_path / "shards" / "2022"
    folder.mkdir(parents=True)
    for i, p in enumerate(shards):
        shutil.copy(p, folder / f"build{i}.nq")
    assert main(["load", str(tmp_path / "shards"), "--store", oxigraph_server]) == 0
    assert "into " + oxigraph_server in capsys.readouterr().err
    assert main(["load", str(shards[0]), str(shards[1]), "--store", oxigraph_server, "-q"]) == 0
    ds = store.open_store(oxigraph_server)
    assert answers(ds)["triples"] == len(shard_union(shards))
    memory = store.open_store("memory")
    store.load_all(memory, shards)
    assert answers(ds) == answers(memory)


@pytest.mark.parametrize(
    ("case", "text", "message"),
    [
        ("syntax", "<https://example.org/s> <https://example.org/p> .\n", "bad.nq: "),
        ("suffix", "", "unknown suffix '.txt'"),
    ],
)
def test_kg_load_names_the_bad_file(shards, tmp_path, case, text, message, capsys):
    bad = tmp_path / ("bad.nq" if case == "syntax" else "bad.txt")
    bad.write_text(text, encoding="utf-8")
    assert main(["load", str(shards[0]), str(bad), "-o", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert f"kg: error: cannot load {bad}" in err and message in err


def test_kg_load_refuses_the_memory_store(shards, capsys):
    assert main(["load", str(shards[0]), "--store", "memory"]) == 2
    assert "it would not persist" in capsys.readouterr().err
