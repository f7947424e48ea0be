"""Specification of kg.network (and the named queries it runs).

The statements are small, hand-built situations whose answers are known:

* a star: Aland accuses Bland, Cland, Dland and Eland, once each;
* a mutual hostility pair: Xland criticizes Yland, Yland accuses Xland twice;
* a friendly edge: Fland supports Gland (and the topic "security talks");
* one statement with two targets: Wland warns Pland and Qland;
* one statement with no target: Zland says something.
"""

from __future__ import annotations

import io
import random

import networkx as nx
import pytest
from rdflib import Literal
from rdflib.plugins.sparql import prepareQuery

from kg import queries
from kg.errors import KGError, UsageError
from kg.iri import Iris
from kg.network import (
    COLUMNS,
    actor_graph,
    for_graphml,
    made,
    most_targeted,
    ranked_edges,
    received,
    statement_graph,
    strongest_edges,
    to_dataframe,
    top_speakers,
)
from kg.rdf import to_graph
from kg.records import Actor, ActorType, Article, Kind, Stance, Statement, Topic
from kg.vocab import KGO, KGS

IRIS = Iris()


def country(name: str, **kw) -> Actor:
    return Actor(name, name, ActorType.COUNTRY, **kw)


def iri(name: str) -> str:
    return str(IRIS.actor(name))


def said(speaker, stance, *targets, doc="a.txt", start=0, kind=Kind.INDIRECT, content="", **kw):
    """A statement whose evidence spans ``start`` to ``start + 10``."""
    targets_text = " and ".join(t.label for t in targets)
    return Statement(
        doc,
        speaker,
        stance,
        kind,
        stance.value,
        f"{speaker.label} {stance.value} {targets_text}".strip(),
        start,
        start + 10,
        content,
        start,
        start + 10,
        targets=targets,
        **kw,
    )


ALAND = country("Aland", role="Republic", affiliation=("Zed Union", "Bland"))
BLAND, CLAND, DLAND, ELAND = (country(n) for n in ("Bland", "Cland", "Dland", "Eland"))
XLAND, YLAND = country("Xland"), country("Yland")
FLAND, GLAND = country("Fland"), country("Gland")
TALKS = Topic("security talks", "security talks")
WLAND, PLAND, QLAND = country("Wland"), country("Pland"), country("Qland")
ZLAND = country("Zland")

STAR = [said(ALAND, Stance.ACCUSE, t, start=100 * i) for i, t in enumerate((BLAND, CLAND, DLAND, ELAND))]
MUTUAL = [
    said(XLAND, Stance.CRITICIZE, YLAND, doc="b.txt", start=0),
    said(YLAND, Stance.ACCUSE, XLAND, doc="b.txt", start=100),
    said(YLAND, Stance.ACCUSE, XLAND, doc="b.txt", start=200, kind=Kind.DIRECT, content="They | lie"),
]
FRIENDLY = [said(FLAND, Stance.SUPPORT, GLAND, TALKS, doc="c.txt", confidence=0.9, date="2022-01-14")]
TWO_TARGETS = [said(WLAND, Stance.WARN, PLAND, QLAND, doc="d.txt")]
NO_TARGET = [said(ZLAND, Stance.CLAIM, doc="d.txt", start=50)]
ALL = STAR + MUTUAL + FRIENDLY + TWO_TARGETS + NO_TARGET


@pytest.fixture(scope="module")
def M() -> nx.MultiDiGraph:
    return statement_graph(to_graph(ALL))


@pytest.fixture(scope="module")
def G(M) -> nx.DiGraph:
    return actor_graph(M)


# ---------------------------------------------------------------- the statement graph


def test_one_edge_per_statement_and_target(M):
    # 4 (star) + 3 (mutual) + 2 (friendly: actor and topic) + 2 (two targets); none for no target
    assert M.number_of_edges() == 11
    assert M.number_of_edges(iri("Yland"), iri("Xland")) == 2


def test_edge_key_is_the_statement_iri_and_attributes_are_plain_values(M):
    st = FRIENDLY[0]
    key = str(IRIS.statement(st.doc, st.start, st.end, st.speaker.key, st.stance.value, st.cue))
    data = M.edges[iri("Fland"), iri("Gland"), key]
    assert data == {
        "stance": "support",
        "polarity": 1,
        "weight": 0.9,
        "cue": "support",
        "kind": "indirect",
        "quote": "",
        "evidence": "Fland support Gland and security talks",
        "doc": "https://w3id.org/newsgraph/id/article/c-txt",  # no article metadata in the graph
        "start": 0,
        "end": 10,
        "date": "2022-01-14",
    }


def test_a_direct_statement_keeps_its_quote(M):
    quotes = [d["quote"] for _, _, d in M.edges(iri("Yland"), data=True)]
    assert sorted(quotes) == ["", "They | lie"]


def test_node_attributes(M):
    assert M.nodes[iri("Aland")] == {
        "label": "Aland",
        "type": "Country",
        "role": "Republic",
        # affiliates are named by their labels (kg.rdf labels affiliates it has not typed); sorted
        "affiliation": "Bland; Zed Union",
    }
    assert M.nodes[str(IRIS.topic("security talks"))] == {
        "label": "security talks",
        "type": "Topic",
        "role": "",
        "affiliation": "",
    }


def test_a_statement_without_target_adds_its_speaker_only(M):
    assert iri("Zland") in M
    assert M.degree(iri("Zland")) == 0
    [entry] = M.graph["untargeted"]
    assert (entry["speaker"], entry["stance"], entry["polarity"]) == (iri("Zland"), "claim", 0)


def test_the_same_actor_written_twice_with_different_labels_gives_one_edge():
    alias = Actor("Bland", "Republic of Bland", ActorType.COUNTRY)
    sts = [said(ALAND, Stance.ACCUSE, BLAND), said(ALAND, Stance.DENY, alias, start=50)]
    M = statement_graph(to_graph(sts))
    assert M.number_of_edges() == 2
    assert M.nodes[iri("Bland")]["label"] == "Bland"  # the least label, whatever the store's order


def test_article_metadata_gives_the_file_name_and_date():
    article = Article("e.txt", "text", (), date="2022-02-01")
    M = statement_graph(to_graph([said(ALAND, Stance.ACCUSE, BLAND, doc="e.txt")], [article]))
    [(_, _, data)] = M.edges(data=True)
    assert (data["doc"], data["date"]) == ("e.txt", "2022-02-01")


def test_unknown_stance_names_the_valid_ones():
    g = to_graph([said(ALAND, Stance.ACCUSE, BLAND)])
    [statement] = g.subjects(KGO.stance, KGS.accuse)
    g.set((statement, KGO.stance, KGS._NS["praise"]))
    with pytest.raises(KGError, match="unknown stance .*praise'; valid stances: support, claim, oppose"):
        statement_graph(g)


# ---------------------------------------------------------------- the actor graph


def test_made_counts_a_statement_once_however_many_targets(G):
    assert made(G)[iri("Wland")] == 1
    assert G.nodes[iri("Wland")]["made"] == 1
    assert G.out_degree(iri("Wland")) == 2


def test_made_counts_a_statement_without_target(G):
    assert (made(G)[iri("Zland")], received(G)[iri("Zland")]) == (1, 0)


@pytest.mark.parametrize(
    ("case", "actor", "expected"),
    [
        ("star centre", "Aland", (4, 0)),
        ("star leaf", "Cland", (0, 1)),
        ("mutual, criticizes once", "Xland", (1, 2)),
        ("mutual, accuses twice", "Yland", (2, 1)),
        ("friendly", "Gland", (0, 1)),
        ("second of two targets", "Qland", (0, 1)),
    ],
)
def test_made_and_received(G, case, actor, expected):
    assert (made(G)[iri(actor)], received(G)[iri(actor)]) == expected


def test_made_and_received_agree_on_both_graphs(M, G):
    assert made(M) == made(G)
    assert received(M) == received(G)


def test_edge_aggregates(G):
    data = G.edges[iri("Yland"), iri("Xland")]
    assert {k: v for k, v in data.items() if k != "statements"} == {
        "weight": 2,
        "polarity": -2,
        "hostile": 2,
        "friendly": 0,
        "neutral": 0,
        "stances": "accuse:2",
    }
    assert [s["start"] for s in data["statements"]] == [100, 200]
    assert set(data["statements"][1]) == {
        "iri",
        "doc",
        "stance",
        "cue",
        "kind",
        "quote",
        "evidence",
        "start",
        "end",
    }
    assert data["statements"][1]["quote"] == "They | lie"


def test_stances_are_counted_and_sorted_by_name():
    sts = [
        said(XLAND, Stance.CRITICIZE, YLAND, start=0),
        said(XLAND, Stance.ACCUSE, YLAND, start=20),
        said(XLAND, Stance.ACCUSE, YLAND, start=40),
        said(XLAND, Stance.SUPPORT, YLAND, start=60),
    ]
    data = actor_graph(to_graph(sts)).edges[iri("Xland"), iri("Yland")]
    assert data["stances"] == "accuse:2; criticize:1; support:1"
    assert (data["weight"], data["polarity"], data["hostile"], data["friendly"]) == (4, -2, 3, 1)


def test_actor_graph_takes_the_rdf_graph_too(G):
    H = actor_graph(to_graph(ALL))
    assert nx.utils.graphs_equal(G, H)


def test_actor_graph_rejects_other_graphs():
    with pytest.raises(UsageError, match="MultiDiGraph of statement_graph"):
        actor_graph(nx.DiGraph())


# ---------------------------------------------------------------- measures


def test_top_speakers(G):
    assert top_speakers(G, n=3) == [("Aland", 4), ("Yland", 2), ("Fland", 1)]


def test_most_targeted_breaks_ties_by_label(G):
    assert most_targeted(G, n=4) == [("Xland", 2), ("Bland", 1), ("Cland", 1), ("Dland", 1)]


def test_rankings_leave_out_zero_counts(G):
    assert "Zland" not in dict(most_targeted(G, n=None))
    assert "Bland" not in dict(top_speakers(G, n=None))


def test_strongest_hostile_edges(G):
    assert strongest_edges(G, sign=-1, n=4) == [
        ("Yland", "Xland", 2, "accuse:2"),
        ("Aland", "Bland", 1, "accuse:1"),
        ("Aland", "Cland", 1, "accuse:1"),
        ("Aland", "Dland", 1, "accuse:1"),
    ]


def test_strongest_friendly_edges(G):
    assert strongest_edges(G, sign=+1) == [
        ("Fland", "Gland", 1, "support:1"),
        ("Fland", "security talks", 1, "support:1"),
    ]


def test_strongest_edges_show_only_the_stances_of_their_sign():
    sts = [said(XLAND, Stance.ACCUSE, YLAND), said(XLAND, Stance.SUPPORT, YLAND, start=20)]
    G = actor_graph(to_graph(sts))
    assert strongest_edges(G, sign=-1) == [("Xland", "Yland", 1, "accuse:1")]
    assert strongest_edges(G, sign=+1) == [("Xland", "Yland", 1, "support:1")]


def test_ranked_edges_are_the_pairs_of_strongest_edges(G):
    pairs = ranked_edges(G, sign=-1, n=None)
    labels = [(G.nodes[u]["label"], G.nodes[v]["label"]) for u, v in pairs]
    assert labels == [row[:2] for row in strongest_edges(G, sign=-1, n=None)]


def test_strongest_edges_rejects_a_bad_sign(G):
    with pytest.raises(UsageError, match="one of -1, 0, 1"):
        strongest_edges(G, sign=2)


def test_measures_do_not_change_the_graph(M, G):
    before_m, before_g = M.copy(), G.copy()
    made(M), received(M), top_speakers(M), most_targeted(G), strongest_edges(G), strongest_edges(M)
    actor_graph(M), to_dataframe(M), for_graphml(G)
    assert nx.utils.graphs_equal(M, before_m) and M.graph == before_m.graph
    assert nx.utils.graphs_equal(G, before_g)


def test_results_do_not_depend_on_input_order(M, G):
    shuffled = ALL[:]
    random.Random(7).shuffle(shuffled)
    M2 = statement_graph(to_graph(shuffled))
    assert list(M2.nodes(data=True)) == list(M.nodes(data=True))
    assert list(M2.edges(keys=True, data=True)) == list(M.edges(keys=True, data=True))
    assert list(actor_graph(M2).edges(data=True)) == list(G.edges(data=True))


# ---------------------------------------------------------------- tables and export


def test_dataframe_has_one_row_per_statement_and_target(M):
    df = to_dataframe(M)
    assert list(df.columns) == list(COLUMNS)
    assert len(df) == 12  # 11 edges + the statement without a target
    assert df["statement"].nunique() == 10
    row = df[df["speaker_label"] == "Zland"].iloc[0]
    assert (row["target"], row["target_label"], row["stance"], row["polarity"]) == ("", "", "claim", 0)
    assert df["start"].dtype == "int64" and df["confidence"].dtype == "float64"


def test_dataframe_of_an_empty_graph():
    df = to_dataframe(statement_graph(to_graph([])))
    assert df.empty and list(df.columns) == list(COLUMNS)


def test_for_graphml_drops_lists_and_writes(M, G):
    for graph in (M, G):
        buffer = io.BytesIO()
        nx.write_graphml(for_graphml(graph), buffer)
        assert b"<graphml" in buffer.getvalue()
    assert "statements" in next(iter(G.edges(data=True)))[2]  # the original keeps them


# ---------------------------------------------------------------- the named queries


@pytest.mark.parametrize("name", ["statements", "actors"])
def test_query_files_parse(name):
    prepareQuery(queries.load(name))


def test_statements_query_gives_one_row_per_statement_and_target():
    rows = queries.run(to_graph(ALL), "statements")
    assert len(rows) == 12
    assert sum(r["target"] is None for r in rows) == 1


def test_statements_query_with_a_bound_speaker():
    rows = queries.run(to_graph(ALL), "statements", speaker=IRIS.actor("Yland"))
    assert [int(r["start"].toPython()) for r in rows] == [100, 200]
    assert {str(r["targetLabel"]) for r in rows} == {"Xland"}


def test_statements_query_with_a_bound_stance():
    rows = queries.run(to_graph(ALL), "statements", stance=KGS.warn)
    assert sorted(str(r["targetLabel"]) for r in rows) == ["Pland", "Qland"]


def test_actors_query():
    rows = {str(r["actor"]): r for r in queries.run(to_graph(ALL), "actors")}
    assert len(rows) == 14  # the 13 countries and the affiliate Zed Union; not the topic
    aland = rows[iri("Aland")]
    assert (aland["label"], aland["role"]) == (Literal("Aland"), Literal("Republic"))
    assert sorted(str(aland["affiliation"]).split("; ")) == ["Bland", "Zed Union"]


def test_unknown_query_lists_the_valid_names():
    with pytest.raises(UsageError, match="unknown query 'nope'; valid names: .*actors, .*statements"):
        queries.load("nope")


def test_a_name_cannot_leave_the_query_directory():
    with pytest.raises(UsageError):
        queries.load("../kg")


def test_bindings_must_be_terms_or_plain_values():
    with pytest.raises(UsageError, match="cannot bind \\?target"):
        queries.run(to_graph([]), "statements", target=ALAND)
