"""Measures on the actor network: who is active, central, hostile, allied, contested.

Every function takes a graph and returns plain values, most of them a
``dict[node, value]`` in the order of the graph's nodes; none changes the
graph it is given. The graph may be the RDF graph, its
:func:`~kg.network.statement_graph` or its :func:`~kg.network.actor_graph`
(each is turned into the view the measure needs); the signed measures
(:func:`coalitions`, :func:`signed_modularity`, :func:`polarisation`) also take
an undirected graph whose ``weight`` is a sign and strength of agreement, such
as :func:`~kg.network.alignment_graph` or :func:`~kg.network.subtract`.

>>> import networkx as nx
>>> A = nx.DiGraph()
>>> A.add_edge("a", "b", hostile=2, friendly=0, neutral=0, polarity=-2)
>>> A.add_edge("b", "a", hostile=1, friendly=0, neutral=0, polarity=-1)
>>> A.add_edge("c", "a", hostile=0, friendly=1, neutral=0, polarity=1)
>>> polarity_degree(A, sign=-1, direction="in")
{'a': 1, 'b': 2, 'c': 0}
>>> overall_hostile_reciprocity(A)
1.0
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

import networkx as nx
import numpy as np
from rdflib import Graph

from .errors import UsageError
from .network import actor_graph, alignment_graph, made, received, signed_graph, statement_graph

__all__ = [
    "activity",
    "balance",
    "betweenness",
    "coalitions",
    "contested_targets",
    "hostile_reciprocity",
    "overall_hostile_reciprocity",
    "pagerank",
    "polarisation",
    "polarity_degree",
    "signed_modularity",
    "stance_changes",
    "triangle_balance",
]

_FIELD = {-1: "hostile", 0: "neutral", 1: "friendly"}
_DIRECTIONS = ("out", "in")
_ACTIVITY = ("made", "received", "total")
# Gains below this are rounding noise, not improvements.
_EPS = 1e-12

AnyGraph = Graph | nx.MultiDiGraph | nx.DiGraph


# ---------------------------------------------------------------- activity and centrality


def activity(G: AnyGraph, kind: str = "total") -> dict[str, int]:
    """The number of statements each node made, received, or both.

    Parameters
    ----------
    G : rdflib.Graph, networkx.MultiDiGraph or networkx.DiGraph
        The statements (see the module's notes).
    kind : {"made", "received", "total"}
        ``"total"`` is made plus received. A statement is made once however
        many targets it has, and received once by each of them.

    Examples
    --------
    >>> import networkx as nx
    >>> A = nx.DiGraph()
    >>> A.add_node("a", made=3, received=1)
    >>> A.add_node("b", made=0, received=2)
    >>> activity(A)
    {'a': 4, 'b': 2}
    """
    if kind not in _ACTIVITY:
        raise UsageError(f"unknown kind {kind!r}; valid: {', '.join(_ACTIVITY)}")
    A = _actors(G)
    out, into = made(A), received(A)
    if kind == "made":
        return out
    if kind == "received":
        return into
    return {node: out[node] + into[node] for node in A}


def polarity_degree(
    G: AnyGraph, sign: int = -1, direction: str = "out", weighted: bool = True
) -> dict[str, int]:
    """Each node's statements of one polarity, made (``"out"``) or received (``"in"``).

    Parameters
    ----------
    sign : {-1, 0, 1}
        Hostile, neutral or friendly statements.
    direction : {"out", "in"}
        Statements made by the node, or about it.
    weighted : bool
        Count statements (default) rather than distinct counterparts.

    Examples
    --------
    A star: the hub attacks three leaves, one of them twice.

    >>> import networkx as nx
    >>> A = nx.DiGraph()
    >>> for leaf, n in [("x", 1), ("y", 1), ("z", 2)]:
    ...     A.add_edge("hub", leaf, hostile=n, friendly=0, neutral=0)
    >>> polarity_degree(A)["hub"], polarity_degree(A, weighted=False)["hub"]
    (4, 3)
    >>> polarity_degree(A, direction="in")["z"]
    2
    """
    field = _field(sign)
    if direction not in _DIRECTIONS:
        raise UsageError(f"unknown direction {direction!r}; valid: {', '.join(_DIRECTIONS)}")
    A = _actors(G)
    degree = dict.fromkeys(A, 0)
    for u, v, d in A.edges(data=True):
        n = int(d.get(field, 0))
        if n:
            degree[u if direction == "out" else v] += n if weighted else 1
    return degree


def pagerank(G: AnyGraph, sign: int = -1, alpha: float = 0.85) -> dict[str, float]:
    """PageRank on one layer of the network: who receives the most hostility (or friendliness).

    The layer holds the edges with at least one statement of polarity ``sign``,
    weighted by their number. A node scores high when it is addressed often,
    and by nodes that are themselves addressed often: on the hostile layer, the
    actor at the centre of the quarrel.

    Examples
    --------
    >>> import networkx as nx
    >>> A = nx.DiGraph()
    >>> for leaf in "xyz":
    ...     A.add_edge(leaf, "hub", hostile=1, friendly=0, neutral=0)
    >>> pr = pagerank(A)
    >>> max(pr, key=pr.get), round(sum(pr.values()), 6)
    ('hub', 1.0)
    """
    field = _field(sign)
    A = _actors(G)
    L = nx.DiGraph()
    L.add_nodes_from(A)
    L.add_weighted_edges_from((u, v, d[field]) for u, v, d in A.edges(data=True) if d.get(field, 0))
    if not L:
        return {}
    return dict(nx.pagerank(L, alpha=alpha, weight="weight"))


def betweenness(G: AnyGraph, normalized: bool = True) -> dict[str, float]:
    """Directed betweenness centrality: who lies on the paths from speakers to targets.

    Every edge counts as one step whatever its polarity or number of
    statements; a node that is both addressed and speaks about others bridges
    the conversations.

    Examples
    --------
    >>> import networkx as nx
    >>> A = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> betweenness(A)
    {'a': 0.0, 'b': 0.5, 'c': 0.0}
    """
    A = _actors(G)
    H = nx.DiGraph()
    H.add_nodes_from(A)
    H.add_edges_from(A.edges())
    return dict(nx.betweenness_centrality(H, normalized=normalized))


# ---------------------------------------------------------------- hostility and balance


def hostile_reciprocity(G: AnyGraph) -> dict[str, float]:
    """Per node, the share of its hostile relations that are returned.

    With :math:`O` the nodes it is hostile to and :math:`I` those hostile to
    it, the value is :math:`2|O \\cap I| / (|O| + |I|)` (networkx's reciprocity
    on the hostile layer); 0.0 for a node with no hostile relation.

    Examples
    --------
    >>> import networkx as nx
    >>> A = nx.DiGraph()
    >>> A.add_edge("a", "b", hostile=1)
    >>> A.add_edge("b", "a", hostile=3)
    >>> A.add_edge("a", "c", hostile=1)
    >>> hostile_reciprocity(A)
    {'a': 0.6666666666666666, 'b': 1.0, 'c': 0.0}
    """
    H = _hostile_layer(G)
    out = {}
    for node in H:
        succ, pred = set(H.successors(node)), set(H.predecessors(node))
        total = len(succ) + len(pred)
        out[node] = 2 * len(succ & pred) / total if total else 0.0
    return out


def overall_hostile_reciprocity(G: AnyGraph) -> float:
    """The share of hostile edges whose target is hostile back; 0.0 with no hostility.

    Examples
    --------
    >>> import networkx as nx
    >>> A = nx.DiGraph()
    >>> A.add_edge("a", "b", hostile=1)
    >>> A.add_edge("b", "a", hostile=1)
    >>> A.add_edge("a", "c", hostile=1)
    >>> overall_hostile_reciprocity(A)
    0.6666666666666666
    """
    H = _hostile_layer(G)
    edges = H.number_of_edges()
    return sum(H.has_edge(v, u) for u, v in H.edges()) / edges if edges else 0.0


def triangle_balance(G: AnyGraph | nx.Graph) -> dict[str, int]:
    """The signed triangles of the undirected signed graph, balanced or not.

    A triangle is balanced when the product of its three signs is positive
    ("the friend of my friend is my friend", "the enemy of my enemy is my
    friend"); the sign of a pair is that of the net polarity of all statements
    between them (:func:`kg.network.signed_graph`).

    Parameters
    ----------
    G : graph
        Statements (see the module's notes), or an undirected graph whose edges
        carry ``sign``.

    Returns
    -------
    dict
        ``{"balanced": int, "unbalanced": int}``.

    Examples
    --------
    >>> import networkx as nx
    >>> S = nx.Graph()
    >>> S.add_edges_from([("a", "b"), ("b", "c")], sign=1)
    >>> S.add_edge("a", "c", sign=-1)
    >>> triangle_balance(S)
    {'balanced': 0, 'unbalanced': 1}
    """
    S = G if _is_signed(G) else signed_graph(G)
    counts = {"balanced": 0, "unbalanced": 0}
    order = {node: i for i, node in enumerate(sorted(S))}
    for u in S:
        later = [v for v in S[u] if order[v] > order[u]]
        for v in later:
            for w in S[v]:
                if order[w] > order[v] and S.has_edge(u, w):
                    product = S.edges[u, v]["sign"] * S.edges[v, w]["sign"] * S.edges[u, w]["sign"]
                    counts["balanced" if product > 0 else "unbalanced"] += 1
    return counts


def balance(G: AnyGraph | nx.Graph) -> float:
    """Structural balance: the share of signed triangles that are balanced.

    NaN when the graph has no signed triangle (see :func:`triangle_balance`).

    Examples
    --------
    Two allies who share an enemy form a balanced triangle:

    >>> import networkx as nx
    >>> S = nx.Graph()
    >>> S.add_edge("a", "b", sign=1)
    >>> S.add_edges_from([("a", "c"), ("b", "c")], sign=-1)
    >>> balance(S)
    1.0
    """
    counts = triangle_balance(G)
    total = counts["balanced"] + counts["unbalanced"]
    return counts["balanced"] / total if total else math.nan


# ---------------------------------------------------------------- coalitions and polarisation


def coalitions(G: AnyGraph | nx.Graph, k: int | None = None, resolution: float = 1.0) -> dict[str, int]:
    """Split the actors into coalitions by maximising signed modularity.

    Agreement should fall inside coalitions and disagreement between them. The
    partition maximises the signed modularity of Gómez, Jensen and Arenas
    (2009, see :func:`signed_modularity`) on the signed agreement graph
    (:func:`kg.network.alignment_graph`: congruence minus conflict plus direct
    friendly or hostile statements). Unlike community detection on agreement
    alone, the negative term places actors known only from the hostility they
    receive: two actors attacked by the same camp, who never attack each other,
    land together because the null model expects hostility between them that is
    not there.

    The search is deterministic: greedy agglomeration (merge the pair of groups
    with the largest gain, ties broken by node order) followed by single-node
    moves until no move improves the score.

    Parameters
    ----------
    G : graph
        Statements (see the module's notes), or an undirected graph whose
        ``weight`` is signed agreement (e.g. :func:`kg.network.subtract`).
    k : int or None
        At most this many coalitions; ``None`` lets modularity choose. ``k=2``
        asks for the two camps of a polarised debate.
    resolution : float
        Above 1 favours more, smaller coalitions; below 1 fewer, larger ones.

    Returns
    -------
    dict
        ``{node: coalition}`` for every node of the signed graph (every actor,
        no topic, when built from statements): coalitions are numbered from 1,
        largest first (ties by their least node); 0 marks nodes with no signed
        tie, which belong to no coalition.

    Examples
    --------
    Two clean coalitions, {a, b, c} and {x, y}, at odds with each other:

    >>> import networkx as nx
    >>> S = nx.Graph()
    >>> S.add_weighted_edges_from([("a", "b", 1), ("b", "c", 1), ("a", "c", 1), ("x", "y", 1)])
    >>> S.add_weighted_edges_from([("a", "x", -1), ("c", "y", -1)])
    >>> S.add_node("loner")
    >>> coalitions(S)
    {'a': 1, 'b': 1, 'c': 1, 'x': 2, 'y': 2, 'loner': 0}
    """
    if k is not None and k < 1:
        raise UsageError(f"k must be a positive number of coalitions or None, not {k!r}")
    S = _signed_weights(G)
    nodes = sorted(S)
    tied = [n for n in nodes if any(d["weight"] for _, _, d in S.edges(n, data=True))]
    if not tied:
        return dict.fromkeys(S, 0)
    B = _modularity_matrix(S, tied, resolution)
    groups = _agglomerate(B, k)
    groups = _refine(B, groups, k)
    ranked = sorted(groups, key=lambda g: (-len(g), min(g)))
    label = {tied[i]: number for number, members in enumerate(ranked, 1) for i in members}
    return {node: label.get(node, 0) for node in S}


def signed_modularity(G: AnyGraph | nx.Graph, partition: Mapping[str, int], resolution: float = 1.0) -> float:
    """The signed modularity of a partition (Gómez, Jensen and Arenas 2009).

    .. math::

        Q = \\frac{1}{2w^+ + 2w^-} \\sum_{ij} \\left[ \\left(w^+_{ij} - \\frac{w^+_i w^+_j}{2w^+}\\right)
            - \\left(w^-_{ij} - \\frac{w^-_i w^-_j}{2w^-}\\right) \\right] \\delta(c_i, c_j)

    where :math:`w^+` and :math:`w^-` are the positive and (absolute) negative
    weights of the signed agreement graph. It is high when agreement lies
    inside and disagreement between the groups, compared with what the
    actors' numbers of ties would give at random. Nodes in group 0 count as
    singletons. 0.0 for a graph without signed weight.

    Examples
    --------
    >>> import networkx as nx
    >>> S = nx.Graph()
    >>> S.add_weighted_edges_from([("a", "b", 1), ("x", "y", 1), ("a", "x", -1), ("b", "y", -1)])
    >>> signed_modularity(S, {"a": 1, "b": 1, "x": 2, "y": 2})
    0.5
    >>> signed_modularity(S, {"a": 1, "b": 2, "x": 1, "y": 2})
    -0.5
    """
    S = _signed_weights(G)
    nodes = sorted(S)
    B = _modularity_matrix(S, nodes, resolution)
    scale = _total_weight(S)
    if not scale:
        return 0.0
    group = [partition.get(n, 0) or -(i + 1) for i, n in enumerate(nodes)]
    same = np.equal.outer(group, group)
    return float(B[same].sum() / scale)


def polarisation(G: AnyGraph | nx.Graph, partition: Mapping[str, int]) -> float:
    """The share of disagreement that runs between coalitions.

    The absolute negative weight of the signed agreement graph on pairs in
    different coalitions, over all of it: 1.0 when every disagreement opposes
    the coalitions and none divides them from within, 0.0 when all of it is
    internal (or when there is no disagreement). Nodes in group 0 count as
    singletons. Read it together with :func:`signed_modularity`, which also
    rewards agreement inside coalitions.

    Examples
    --------
    >>> import networkx as nx
    >>> S = nx.Graph()
    >>> S.add_weighted_edges_from([("a", "b", -1), ("b", "c", -3)])
    >>> polarisation(S, {"a": 1, "b": 1, "c": 2})
    0.75
    """
    S = _signed_weights(G)
    between = total = 0.0
    for u, v, w in S.edges(data="weight"):
        if w < 0:
            total -= w
            cu, cv = partition.get(u, 0), partition.get(v, 0)
            if cu != cv or cu == 0:
                between -= w
    return between / total if total else 0.0


# ---------------------------------------------------------------- targets and time


def contested_targets(G: AnyGraph) -> dict[str, int]:
    """The targets that receive both friendly and hostile statements, most contested first.

    A target's score is the smaller of its friendly and hostile counts: nine
    attacks and one defence make a one-sided target (1), five of each a
    contested one (5). Ties are broken by the total number of statements
    received, then by node.

    Examples
    --------
    >>> import networkx as nx
    >>> A = nx.DiGraph()
    >>> A.add_edge("a", "t", friendly=1, hostile=0)
    >>> A.add_edge("b", "t", friendly=0, hostile=2)
    >>> A.add_edge("b", "u", friendly=0, hostile=5)
    >>> contested_targets(A)
    {'t': 1}
    """
    A = _actors(G)
    friendly, hostile, total = Counter(), Counter(), Counter()
    for _, v, d in A.edges(data=True):
        friendly[v] += int(d.get("friendly", 0))
        hostile[v] += int(d.get("hostile", 0))
        total[v] += int(d.get("friendly", 0)) + int(d.get("hostile", 0)) + int(d.get("neutral", 0))
    scores = {v: min(friendly[v], hostile[v]) for v in A if friendly[v] and hostile[v]}
    return dict(sorted(scores.items(), key=lambda kv: (-kv[1], -total[kv[0]], kv[0])))


def stance_changes(G: Graph | nx.MultiDiGraph) -> dict[tuple[str, str], int]:
    """The (speaker, target) pairs whose stance changes sign over time.

    The dated friendly and hostile statements of each pair are put in date
    order (then article and offset); the value is how often the polarity flips
    from one to the next. Neutral and undated statements are ignored, and
    pairs that never flip are left out.

    Parameters
    ----------
    G : rdflib.Graph or networkx.MultiDiGraph
        The statements, with their dates: the RDF graph or its
        :func:`~kg.network.statement_graph`.

    Examples
    --------
    >>> import networkx as nx
    >>> M = nx.MultiDiGraph()
    >>> for key, date, polarity in [("s1", "2022-01-01", 1), ("s2", "2022-02-01", -1),
    ...                             ("s3", "2022-03-01", 1), ("s4", "", -1)]:
    ...     _ = M.add_edge("a", "t", key=key, date=date, polarity=polarity, doc="d", start=0)
    >>> stance_changes(M)
    {('a', 't'): 2}
    """
    M = statement_graph(G) if isinstance(G, Graph) else G
    if not (isinstance(M, nx.Graph) and M.is_multigraph()):
        raise UsageError(
            "stance_changes() needs the dated statements: an rdflib.Graph or a statement_graph()"
        )
    series: dict[tuple[str, str], list[tuple[str, str, int, str, int]]] = {}
    for u, v, key, d in M.edges(keys=True, data=True):
        polarity = int(d.get("polarity", 0))
        if polarity and d.get("date"):
            series.setdefault((u, v), []).append(
                (d["date"], str(d.get("doc", "")), int(d.get("start", 0)), str(key), polarity)
            )
    changes = {}
    for pair, items in sorted(series.items()):
        signs = [item[-1] for item in sorted(items)]
        flips = sum(a != b for a, b in zip(signs[:-1], signs[1:], strict=True))
        if flips:
            changes[pair] = flips
    return changes


# ---------------------------------------------------------------- helpers


def _field(sign: int) -> str:
    if sign not in _FIELD:
        raise UsageError(f"sign must be one of -1, 0, 1 (hostile, neutral, friendly), not {sign!r}")
    return _FIELD[sign]


def _actors(G: AnyGraph) -> nx.DiGraph:
    if isinstance(G, Graph) or (isinstance(G, nx.Graph) and G.is_multigraph()):
        return actor_graph(G)
    if isinstance(G, nx.DiGraph):
        return G
    raise UsageError(
        f"expected an rdflib.Graph, a statement_graph() or an actor_graph(), not {type(G).__name__}"
    )


def _hostile_layer(G: AnyGraph) -> nx.DiGraph:
    A = _actors(G)
    H = nx.DiGraph()
    H.add_nodes_from(A)
    H.add_edges_from((u, v) for u, v, d in A.edges(data=True) if u != v and d.get("hostile", 0))
    return H


def _is_signed(G: object) -> bool:
    return isinstance(G, nx.Graph) and not G.is_directed() and not G.is_multigraph()


def _signed_weights(G: AnyGraph | nx.Graph) -> nx.Graph:
    """An undirected graph given as is, anything else as its alignment graph."""
    return G if _is_signed(G) else alignment_graph(G)


def _total_weight(S: nx.Graph) -> float:
    return 2 * sum(abs(w) for u, v, w in S.edges(data="weight", default=0) if u != v)


def _modularity_matrix(S: nx.Graph, nodes: list[str], resolution: float) -> np.ndarray:
    """``B = (P - g k+k+/2m+) - (N - g k-k-/2m-)`` over ``nodes``, self-loops ignored."""
    index = {n: i for i, n in enumerate(nodes)}
    P = np.zeros((len(nodes), len(nodes)))
    N = np.zeros_like(P)
    for u, v, w in S.edges(data="weight", default=0):
        if u != v and w and u in index and v in index:
            M = P if w > 0 else N
            M[index[u], index[v]] += abs(w)
            M[index[v], index[u]] += abs(w)
    B = np.zeros_like(P)
    for M, sign in ((P, 1.0), (N, -1.0)):
        degree = M.sum(axis=1)
        two_m = degree.sum()
        if two_m:
            B += sign * (M - resolution * np.outer(degree, degree) / two_m)
    return B


def _agglomerate(B: np.ndarray, k: int | None) -> list[list[int]]:
    """Greedy merging from singletons while it helps (and, with ``k``, until at most k)."""
    n = len(B)
    C = B.copy()  # C[a, b]: the sum of B between groups a and b
    alive = np.ones(n, dtype=bool)
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    while len(groups) > 1:
        gains = np.where(np.outer(alive, alive), C, -np.inf)
        np.fill_diagonal(gains, -np.inf)
        a, b = np.unravel_index(int(np.argmax(gains)), gains.shape)  # first maximum: lowest indices
        a, b = min(a, b), max(a, b)
        if gains[a, b] <= _EPS and (k is None or len(groups) <= k):
            break
        groups[a] += groups.pop(b)
        C[a, :] += C[b, :]
        C[:, a] += C[:, b]
        alive[b] = False
    return [sorted(g) for _, g in sorted(groups.items())]


def _refine(B: np.ndarray, groups: list[list[int]], k: int | None) -> list[list[int]]:
    """Move single nodes to the group where they add most, until no move helps."""
    where = np.empty(len(B), dtype=int)
    for g, members in enumerate(groups):
        where[members] = g
    for _ in range(100):
        moved = False
        for i in range(len(B)):
            ids = sorted(set(where.tolist()))
            own = where[i]
            # The node's pull towards each group, itself excluded.
            pull = {g: float(B[i, where == g].sum() - (B[i, i] if g == own else 0.0)) for g in ids}
            best, gain = own, 0.0
            for g in ids:
                if g != own and pull[g] - pull[own] > gain + _EPS:
                    best, gain = g, pull[g] - pull[own]
            alone = (where == own).sum() == 1
            if (k is None or len(ids) < k) and not alone and -pull[own] > gain + _EPS:
                best = int(where.max()) + 1
            if best != own:
                where[i] = best
                moved = True
        if not moved:
            break
    return [sorted(np.flatnonzero(where == g).tolist()) for g in sorted(set(where.tolist()))]
