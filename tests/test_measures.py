"""kg.measures and the views of kg.network they rest on, on small graphs with known answers.

Each graph is written as a table of statements ``speaker | stance | target | date``
and built through the real pipeline (records -> RDF -> networkx). Names that
start with a lower-case letter are topics, the others countries.
"""

from __future__ import annotations

import math

import networkx as nx
import pytest

from kg import measures
from kg.errors import UsageError
from kg.network import (
    actor_graph,
    alignment_graph,
    conflict,
    congruence,
    signed_graph,
    statement_graph,
    subtract,
    time_slices,
    two_mode,
    window,
)
from kg.rdf import to_graph
from kg.records import Actor, ActorType, Kind, Stance, Statement, Topic


def _node(name: str) -> Actor | Topic:
    if name[0].islower():
        return Topic(name, name)
    return Actor(name, name, ActorType.COUNTRY)


def statements(table: str) -> nx.MultiDiGraph:
    """The statement graph of a ``speaker | stance | target | date`` table."""
    records = []
    lines = [line for line in table.strip().splitlines() if line.strip()]
    for i, line in enumerate(lines):
        speaker, stance, target, *rest = (cell.strip() for cell in line.split("|"))
        date = rest[0] if rest and rest[0] else None
        records.append(
            Statement(f"{i:03d}.txt", _node(speaker), Stance(stance), Kind.INDIRECT, stance,
                      f"{speaker} {stance} {target}", 0, 10, "", 0, 0,
                      targets=(_node(target),), date=date)
        )  # fmt: skip
    return statement_graph(to_graph(records))


def labelled(G: nx.Graph, values: dict) -> dict:
    """``values`` keyed by node label (pairs of nodes by pairs of labels)."""

    def name(node):
        return G.nodes[node]["label"] if not isinstance(node, tuple) else tuple(name(n) for n in node)

    return {name(k): v for k, v in values.items()}


def edges(P: nx.Graph, attr: str = "weight") -> dict[tuple[str, str], object]:
    return {
        tuple(sorted((P.nodes[u]["label"], P.nodes[v]["label"]))): d[attr] for u, v, d in P.edges(data=True)
    }


# -- triangles -----------------------------------------------------------------------

BALANCED = """
Aland | support | Bland
Aland | accuse | Cland
Bland | criticize | Cland
"""
UNBALANCED = """
Aland | support | Bland
Bland | support | Cland
Aland | accuse | Cland
"""
ALL_HOSTILE = """
Aland | accuse | Bland
Bland | accuse | Cland
Cland | accuse | Aland
"""
ALL_FRIENDLY = """
Aland | support | Bland
Bland | support | Cland
Cland | support | Aland
"""


@pytest.mark.parametrize(
    ("case", "table", "expected"),
    [
        ("two friends share an enemy", BALANCED, {"balanced": 1, "unbalanced": 0}),
        ("a friend of a friend is an enemy", UNBALANCED, {"balanced": 0, "unbalanced": 1}),
        ("everyone against everyone", ALL_HOSTILE, {"balanced": 0, "unbalanced": 1}),
        ("everyone friends", ALL_FRIENDLY, {"balanced": 1, "unbalanced": 0}),
    ],
)
def test_triangle_balance(case, table, expected):
    assert measures.triangle_balance(statements(table)) == expected


def test_balance_is_the_share_of_balanced_triangles():
    M = statements(BALANCED + UNBALANCED.replace("Cland", "Dland"))
    assert measures.balance(M) == 0.5


def test_balance_without_signed_triangles_is_nan():
    assert math.isnan(measures.balance(statements("Aland | accuse | Bland")))


def test_sign_of_a_pair_is_the_sign_of_its_net_polarity():
    M = statements("""
        Aland | accuse | Bland
        Aland | criticize | Bland
        Bland | support | Aland
        Aland | claim | Cland
    """)
    S = signed_graph(M)
    assert edges(S, "sign") == {("Aland", "Bland"): -1}
    assert edges(S, "polarity") == {("Aland", "Bland"): -1}


# -- a star ----------------------------------------------------------------------------

STAR = """
Hub | accuse | Aland
Hub | accuse | Bland
Hub | criticize | Cland
Hub | warn | Cland
"""


def test_star_degrees_by_polarity():
    A = actor_graph(statements(STAR))
    assert labelled(A, measures.polarity_degree(A, -1, "out")) == {
        "Aland": 0, "Bland": 0, "Cland": 0, "Hub": 4,
    }  # fmt: skip
    assert labelled(A, measures.polarity_degree(A, -1, "out", weighted=False))["Hub"] == 3
    assert labelled(A, measures.polarity_degree(A, -1, "in"))["Cland"] == 2
    assert set(measures.polarity_degree(A, 1, "out").values()) == {0}


def test_star_activity():
    A = actor_graph(statements(STAR))
    assert labelled(A, measures.activity(A, "made")) == {"Aland": 0, "Bland": 0, "Cland": 0, "Hub": 4}
    assert labelled(A, measures.activity(A)) == {"Aland": 1, "Bland": 1, "Cland": 2, "Hub": 4}


def test_star_hostile_pagerank_ranks_the_most_attacked_leaf_first():
    A = actor_graph(statements(STAR))
    pr = labelled(A, measures.pagerank(A, -1))
    assert max(pr, key=pr.get) == "Cland"
    assert pr["Aland"] == pytest.approx(pr["Bland"])
    assert pr["Hub"] < pr["Aland"]
    assert sum(pr.values()) == pytest.approx(1.0)


def test_star_has_no_broker_but_a_chain_has_one():
    assert set(measures.betweenness(statements(STAR)).values()) == {0.0}
    chain = actor_graph(statements("Aland | accuse | Bland\nBland | accuse | Cland"))
    assert labelled(chain, measures.betweenness(chain)) == {"Aland": 0.0, "Bland": 0.5, "Cland": 0.0}


# -- reciprocated hostility -------------------------------------------------------------

RECIPROCATED = """
Aland | accuse | Bland
Bland | threaten | Aland
Aland | criticize | Cland
Cland | support | Aland
"""


def test_reciprocity_of_hostility():
    A = actor_graph(statements(RECIPROCATED))
    assert labelled(A, measures.hostile_reciprocity(A)) == {"Aland": 2 / 3, "Bland": 1.0, "Cland": 0.0}
    # Three hostile edges, two of them answered in kind; friendliness does not count.
    assert measures.overall_hostile_reciprocity(A) == pytest.approx(2 / 3)


def test_no_hostility_no_reciprocity():
    assert measures.overall_hostile_reciprocity(statements(ALL_FRIENDLY)) == 0.0


# -- two clean coalitions -----------------------------------------------------------------

# North {Aland, Bland, Cland} and South {Xland, Yland}: each camp defends its
# own cause, attacks the other's, and some attack each other directly.
TWO_CAMPS = """
Aland | support | north plan
Bland | support | north plan
Cland | support | north plan
Aland | oppose | south plan
Bland | criticize | south plan
Xland | support | south plan
Yland | support | south plan
Xland | oppose | north plan
Yland | criticize | north plan
Aland | accuse | Xland
Yland | threaten | Cland
Bland | support | Cland
"""


def test_two_clean_coalitions():
    A = actor_graph(statements(TWO_CAMPS))
    found = labelled(A, measures.coalitions(A))
    camps = {name: found[name] for name in ("Aland", "Bland", "Cland", "Xland", "Yland")}
    assert camps == {"Aland": 1, "Bland": 1, "Cland": 1, "Xland": 2, "Yland": 2}
    assert "north plan" not in found  # topics belong to no coalition
    assert measures.polarisation(A, measures.coalitions(A)) == 1.0
    assert measures.signed_modularity(A, measures.coalitions(A)) > 0.3


def test_coalitions_place_actors_known_only_from_the_hostility_they_receive():
    # Nobody speaks for Pland or Qland; both are attacked by the same camp.
    A = actor_graph(
        statements("""
        Aland | accuse | Pland
        Aland | accuse | Qland
        Bland | criticize | Pland
        Bland | criticize | Qland
    """)
    )
    found = labelled(A, measures.coalitions(A))
    assert found["Aland"] == found["Bland"] != found["Pland"] == found["Qland"]


def test_coalitions_with_k_merge_into_at_most_k():
    S = nx.Graph()
    S.add_weighted_edges_from([("a", "b", 2), ("c", "d", 2), ("e", "f", 2), ("a", "e", -1), ("b", "c", -1)])
    assert len(set(measures.coalitions(S).values())) == 3
    assert len(set(measures.coalitions(S, k=2).values())) == 2
    with pytest.raises(UsageError, match="k must be"):
        measures.coalitions(S, k=0)


def test_polarisation_counts_internal_disagreement_against_it():
    S = nx.Graph()
    S.add_weighted_edges_from([("a", "b", -1), ("b", "c", -3)])
    assert measures.polarisation(S, {"a": 1, "b": 1, "c": 2}) == 0.75
    assert measures.polarisation(S, {"a": 1, "b": 1, "c": 1}) == 0.0


# -- projections ----------------------------------------------------------------------

# Alice and Bob both attack T; Alice also attacks U, Bob defends V; Carol defends T.
PROJECTION = """
Alice | accuse | tax
Alice | criticize | union
Bob | oppose | tax
Bob | support | veto
Carol | support | tax
Carol | claim | veto
Bob | claim | veto
"""


@pytest.mark.parametrize(
    ("normalization", "expected"),
    [
        ("none", {("Alice", "Bob"): 1}),
        ("average", {("Alice", "Bob"): 1 / ((2 + 2) / 2)}),
        ("jaccard", {("Alice", "Bob"): 1 / 3}),  # tax of {tax, union, veto}
        ("cosine", {("Alice", "Bob"): 1 / math.sqrt(2 * 2)}),
    ],
)
def test_congruence_weights(normalization, expected):
    assert edges(congruence(statements(PROJECTION), normalization)) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("normalization", "expected"),
    [
        ("none", {("Alice", "Carol"): 1, ("Bob", "Carol"): 1}),
        ("average", {("Alice", "Carol"): 1 / 1.5, ("Bob", "Carol"): 1 / 1.5}),
        ("jaccard", {("Alice", "Carol"): 1 / 2, ("Bob", "Carol"): 1 / 2}),
        ("cosine", {("Alice", "Carol"): 1 / math.sqrt(2), ("Bob", "Carol"): 1 / math.sqrt(2)}),
    ],
)
def test_conflict_weights(normalization, expected):
    assert edges(conflict(statements(PROJECTION), normalization)) == pytest.approx(expected)


def test_projection_edges_name_their_targets():
    assert edges(congruence(statements(PROJECTION)), "targets") == {("Alice", "Bob"): "tax"}


def test_neutral_claims_agree_only_when_asked():
    M = statements(PROJECTION)
    assert ("Bob", "Carol") not in edges(congruence(M))
    assert edges(congruence(M, neutral=True))[("Bob", "Carol")] == 1  # both claim about the veto


def test_subtract_is_congruence_minus_conflict():
    S = subtract(statements(PROJECTION))
    assert edges(S) == {("Alice", "Bob"): 1, ("Alice", "Carol"): -1, ("Bob", "Carol"): -1}
    assert edges(S, "congruence")[("Alice", "Bob")] == 1


def test_projections_keep_isolated_speakers():
    P = congruence(statements("Aland | accuse | tax\nBland | support | veto"))
    assert sorted(P.nodes[n]["label"] for n in P) == ["Aland", "Bland"]
    assert P.number_of_edges() == 0


def test_unknown_normalization_lists_the_valid_ones():
    with pytest.raises(UsageError, match="none, average, jaccard, cosine"):
        congruence(statements(PROJECTION), "pearson")


def test_two_mode_keeps_an_actor_that_speaks_and_is_spoken_about_in_both_modes():
    B = two_mode(statements(RECIPROCATED))
    modes = {(key[0], data["label"]) for key, data in B.nodes(data=True)}
    assert ("actor", "Aland") in modes and ("target", "Aland") in modes
    assert nx.is_bipartite(B)
    assert B.number_of_edges() == 4


def test_alignment_graph_adds_direct_relations_once_per_direction():
    A = alignment_graph(
        statements("""
        Aland | accuse | Bland
        Aland | criticize | Bland
        Bland | accuse | Aland
    """)
    )
    assert edges(A) == {("Aland", "Bland"): -2}
    assert edges(A, "direct") == {("Aland", "Bland"): -2}


# -- targets and time -----------------------------------------------------------------


def test_contested_targets():
    M = statements("""
        Aland | support | tax
        Bland | oppose | tax
        Cland | criticize | tax
        Aland | accuse | Xland
        Bland | support | veto
        Cland | oppose | veto
    """)
    assert labelled(actor_graph(M), measures.contested_targets(M)) == {"tax": 1, "veto": 1}
    assert list(labelled(actor_graph(M), measures.contested_targets(M))) == ["tax", "veto"]  # tax has more


DATED = """
Aland | support | tax | 2022-01-05
Aland | oppose | tax | 2022-02-10
Aland | claim | tax | 2022-02-11
Bland | oppose | tax | 2022-01-05
Bland | criticize | tax | 2022-03-01
Aland | support | veto |
Aland | oppose | veto | 2022-03-02
"""


def test_stance_changes_over_time():
    M = statements(DATED)
    assert labelled(M, measures.stance_changes(M)) == {("Aland", "tax"): 1}


def test_time_slices_by_month():
    slices = time_slices(statements(DATED))
    assert {period: S.number_of_edges() for period, S in slices.items()} == {
        "2022-01": 2, "2022-02": 2, "2022-03": 2,
    }  # fmt: skip
    assert all(set(S) == set(statements(DATED)) for S in slices.values())


def test_window_is_half_open_and_drops_undated_statements():
    W = window(statements(DATED), "2022-02-10", "2022-03-01")
    assert sorted(d["date"] for *_, d in W.edges(data=True)) == ["2022-02-10", "2022-02-11"]


def test_time_slices_reject_unknown_frequencies():
    with pytest.raises(UsageError, match="year, month, week, day"):
        time_slices(statements(DATED), "fortnight")


# -- contracts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "measure",
    [
        measures.activity,
        measures.polarity_degree,
        measures.pagerank,
        measures.betweenness,
        measures.hostile_reciprocity,
        measures.triangle_balance,
        measures.coalitions,
        measures.contested_targets,
        lambda G: measures.polarisation(G, measures.coalitions(G)),
    ],
)
def test_measures_do_not_change_the_graph(measure):
    A = actor_graph(statements(TWO_CAMPS + RECIPROCATED))
    before = A.copy()
    measure(A)
    assert nx.utils.graphs_equal(A, before)


def test_bad_sign_lists_the_valid_ones():
    with pytest.raises(UsageError, match="-1, 0, 1"):
        measures.pagerank(statements(STAR), 2)
