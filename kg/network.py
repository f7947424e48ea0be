"""RDF -> networkx: the statement graph, the actor graph and measures on them.

Two views of the same statements:

* :func:`statement_graph`, a :class:`~networkx.MultiDiGraph` with one edge
  ``speaker -> target`` per (statement, target), keyed by the statement's IRI;
  every detail of the statement is kept on its edge.
* :func:`actor_graph`, a :class:`~networkx.DiGraph` with one edge per
  (speaker, target) pair that counts the statements behind it, by polarity and by
  stance: the network that is drawn and ranked.

Further views for discourse-network analysis: :func:`two_mode` (actor x
target), its one-mode projections :func:`congruence`, :func:`conflict` and
:func:`subtract`, :func:`signed_graph` (for structural balance),
:func:`alignment_graph` (for coalitions) and, for dated statements,
:func:`window` and :func:`time_slices`.

Nodes are actor and topic IRIs as strings. The measures take a graph and return
plain values; nothing here changes a graph it is given or reads a file. Every
result is deterministic: wherever an order could vary it is sorted, and ties
are broken by label and then by IRI.

>>> from kg.records import Actor, ActorType, Kind, Stance, Statement
>>> from kg.rdf import to_graph
>>> alice = Actor("Alice Doe", "Alice Doe", ActorType.PERSON)
>>> bob = Actor("Bobland", "Bobland", ActorType.COUNTRY)
>>> def accuses(start):
...     return Statement("a.txt", alice, Stance.ACCUSE, Kind.INDIRECT, "accuse",
...                      "Alice Doe accused Bobland", start, start + 25, "", 0, 0,
...                      targets=(bob,))
>>> M = statement_graph(to_graph([accuses(0), accuses(100)]))
>>> M.number_of_edges()
2
>>> G = actor_graph(M)
>>> top_speakers(G)
[('Alice Doe', 2)]
>>> strongest_edges(G, sign=-1)
[('Alice Doe', 'Bobland', 2, 'accuse:2')]
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date as _date
from typing import Any

import networkx as nx
import pandas as pd
from rdflib import Graph
from rdflib.term import Identifier

from .errors import KGError, UsageError
from .queries import run
from .records import Stance
from .store import for_queries
from .vocab import stance_of

__all__ = [
    "COLUMNS",
    "NORMALIZATIONS",
    "actor_graph",
    "alignment_graph",
    "conflict",
    "congruence",
    "for_graphml",
    "made",
    "most_targeted",
    "period_of",
    "ranked_edges",
    "received",
    "signed_graph",
    "statement_graph",
    "strongest_edges",
    "subtract",
    "time_slices",
    "to_dataframe",
    "top_speakers",
    "two_mode",
    "window",
]

#: The columns of :func:`to_dataframe`, in order.
COLUMNS = (
    "statement",
    "speaker",
    "speaker_label",
    "speaker_type",
    "stance",
    "polarity",
    "target",
    "target_label",
    "target_type",
    "cue",
    "kind",
    "quote",
    "evidence",
    "doc",
    "start",
    "end",
    "date",
    "confidence",
)

# The attributes a statement puts on its edge of the statement graph (besides
# its key, the statement's IRI), and on its entry in ``graph["untargeted"]``.
_EDGE_ATTRS = (
    "stance",
    "polarity",
    "weight",
    "cue",
    "kind",
    "quote",
    "evidence",
    "doc",
    "start",
    "end",
    "date",
)

# The keys of each entry of an actor-graph edge's "statements" list.
_EVIDENCE_KEYS = ("iri", "doc", "stance", "cue", "kind", "quote", "evidence", "start", "end")

_SIGN_FIELD = {-1: "hostile", 0: "neutral", 1: "friendly"}


# ---------------------------------------------------------------- building the graphs


def statement_graph(g: Graph) -> nx.MultiDiGraph:
    """The statements of ``g`` as a multigraph: one edge per (statement, target).

    Parameters
    ----------
    g : rdflib.Graph
        A graph written by :func:`kg.rdf.to_graph` (or parsed from its output).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are the IRIs (``str``) of every actor or topic that speaks or is
        a target, with the attributes

        * ``label`` (``str``): ``rdfs:label``, else the last segment of the IRI;
        * ``type`` (``str``): ``"Person"``, ``"Organization"``, ``"Country"``,
          ``"Group"`` or ``"Topic"`` (``""`` if the graph gives none);
        * ``role`` (``str``): ``kgo:role``, ``""`` if none;
        * ``affiliation`` (``str``): the labels of the actors it is affiliated
          with, sorted and joined with ``"; "``, ``""`` if none.

        Each edge ``speaker -> target`` has the statement's IRI as its key and
        the attributes ``stance`` (``str``, e.g. ``"accuse"``), ``polarity``
        (``int``: +1, 0 or -1), ``weight`` (``float``: the confidence), ``cue``,
        ``kind``, ``quote`` (``""`` for indirect statements), ``evidence``,
        ``doc`` (``str``), ``start``, ``end`` (``int``: character offsets of the
        evidence) and ``date`` (``str``, ``""`` if unknown). A missing value is
        ``""``, ``0`` or ``0.0``.

        A statement without a target adds its speaker's node and no edge; its
        details are kept in ``G.graph["untargeted"]``, a list of dicts holding
        the edge attributes above plus ``statement`` and ``speaker`` (IRIs), so
        that counts of statements made include it.

    Notes
    -----
    ``G.graph["untargeted"]`` is a list, which GraphML cannot hold: export
    :func:`for_graphml` of the graph instead.

    Examples
    --------
    >>> from kg.records import Actor, ActorType, Kind, Stance, Statement, Topic
    >>> from kg.rdf import to_graph
    >>> alice = Actor("Alice Doe", "Alice Doe", ActorType.PERSON, role="Minister")
    >>> talks = Topic("talks", "security talks")
    >>> st = Statement("a.txt", alice, Stance.SUPPORT, Kind.DIRECT, "welcome",
    ...                "Alice Doe welcomed the talks", 0, 28, "good talks", 0, 0,
    ...                targets=(talks,), confidence=0.8)
    >>> M = statement_graph(to_graph([st]))
    >>> sorted(M.nodes(data="type"))  # doctest: +NORMALIZE_WHITESPACE
    [('https://w3id.org/newsgraph/id/actor/alice-doe', 'Person'),
     ('https://w3id.org/newsgraph/id/topic/talks', 'Topic')]
    >>> [(d["stance"], d["polarity"], d["weight"], d["quote"]) for *_, d in M.edges(data=True)]
    [('support', 1, 0.8, 'good talks')]
    """
    g = for_queries(g)
    actors = {str(row["actor"]): _actor_node(row) for row in run(g, "actors")}
    records = _statement_records(run(g, "statements"))

    nodes: dict[str, dict[str, str]] = {}
    for rec in records:
        _note_node(nodes, actors, rec["speaker"], rec["speaker_label"], rec["speaker_type"])
        if rec["target"]:
            _note_node(nodes, actors, rec["target"], rec["target_label"], rec["target_type"])

    untargeted = [
        {"statement": r["statement"], "speaker": r["speaker"], **_edge_attrs(r)}
        for r in records
        if not r["target"]
    ]
    M = nx.MultiDiGraph(untargeted=untargeted)
    M.add_nodes_from(sorted(nodes.items()))
    for rec in sorted(
        (r for r in records if r["target"]),
        key=lambda r: (r["speaker"], r["target"], r["statement"]),
    ):
        M.add_edge(rec["speaker"], rec["target"], key=rec["statement"], **_edge_attrs(rec))
    return M


def actor_graph(g: Graph | nx.MultiDiGraph) -> nx.DiGraph:
    """Aggregate the statements into one edge per (speaker, target) pair.

    Parameters
    ----------
    g : rdflib.Graph or networkx.MultiDiGraph
        The RDF graph, or the :func:`statement_graph` built from it.

    Returns
    -------
    networkx.DiGraph
        The nodes of the statement graph with their attributes, plus

        * ``made`` (``int``): the statements the node made, each counted once
          however many targets it has, including statements with no target;
        * ``received`` (``int``): the statements that target the node.

        Each edge has

        * ``weight`` (``int``): the number of statements;
        * ``polarity`` (``int``): the sum of their polarities;
        * ``hostile``, ``friendly``, ``neutral`` (``int``): how many have
          polarity -1, +1 and 0;
        * ``stances`` (``str``): the count of each stance, sorted by stance,
          e.g. ``"accuse:2; criticize:1"``;
        * ``statements`` (``list[dict]``): the statements themselves, sorted by
          article and offset, each with the keys ``iri``, ``doc``, ``stance``,
          ``cue``, ``kind``, ``quote``, ``evidence``, ``start`` and ``end``, for
          the evidence panel of the HTML page.

    Notes
    -----
    GraphML holds only scalar attributes, so the ``statements`` lists must be
    dropped before export; :func:`for_graphml` returns such a copy.

    Examples
    --------
    >>> from kg.records import Actor, ActorType, Kind, Stance, Statement
    >>> from kg.rdf import to_graph
    >>> a, b, c = (Actor(k, k, ActorType.COUNTRY) for k in ("Aland", "Bland", "Cland"))
    >>> st = Statement("a.txt", a, Stance.WARN, Kind.INDIRECT, "warn",
    ...                "Aland warned Bland and Cland", 0, 28, "", 0, 0, targets=(b, c))
    >>> G = actor_graph(to_graph([st]))
    >>> made(G)["https://w3id.org/newsgraph/id/actor/aland"]
    1
    >>> G.number_of_edges()
    2
    """
    M = statement_graph(g) if isinstance(g, Graph) else g
    if not isinstance(M, nx.MultiDiGraph):
        raise UsageError(
            f"actor_graph() takes an rdflib.Graph or the MultiDiGraph of statement_graph(), "
            f"not {type(g).__name__}"
        )
    out_made = made(M)
    in_received = received(M)

    G = nx.DiGraph()
    for node, data in sorted(M.nodes(data=True)):
        G.add_node(node, **data, made=out_made[node], received=in_received[node])

    pairs: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for u, v, key, data in M.edges(keys=True, data=True):
        pairs[u, v].append((key, data))
    for (u, v), statements in sorted(pairs.items()):
        polarities = Counter(d["polarity"] for _, d in statements)
        stances = Counter(d["stance"] for _, d in statements)
        evidence = sorted(
            ({"iri": key, **{k: d[k] for k in _EVIDENCE_KEYS if k != "iri"}} for key, d in statements),
            key=lambda e: (e["doc"], e["start"], e["end"], e["iri"]),
        )
        G.add_edge(
            u,
            v,
            weight=len(statements),
            polarity=sum(p * n for p, n in polarities.items()),
            hostile=polarities[-1],
            friendly=polarities[1],
            neutral=polarities[0],
            stances=_format_stances(stances),
            statements=evidence,
        )
    return G


# ---------------------------------------------------------------- two-mode network, projections, time


#: The normalisations of :func:`congruence`, :func:`conflict` and :func:`subtract`.
NORMALIZATIONS = ("none", "average", "jaccard", "cosine")

_FREQS = ("year", "month", "week", "day")


def two_mode(g: Graph | nx.MultiDiGraph | nx.DiGraph, neutral: bool = True) -> nx.Graph:
    """The actor x target two-mode network: who takes which stance on what.

    The speakers form one mode and the targets the other, as in the Discourse
    Network Analyzer's actor x concept network. An actor that both speaks and is
    spoken about appears once in each mode, so the nodes are pairs
    ``("actor", iri)`` and ``("target", iri)``.

    Parameters
    ----------
    g : rdflib.Graph, networkx.MultiDiGraph or networkx.DiGraph
        The RDF graph, its :func:`statement_graph` or its :func:`actor_graph`.
    neutral : bool
        Keep edges made only of neutral statements (``claim``).

    Returns
    -------
    networkx.Graph
        Nodes have ``bipartite`` (0 for speakers, 1 for targets), ``label`` and
        ``type``; each edge has ``weight`` (statements), ``friendly``,
        ``hostile``, ``neutral`` and ``polarity`` (their net sum).

    Examples
    --------
    >>> import networkx as nx
    >>> A = nx.DiGraph()
    >>> A.add_edge("a", "t", friendly=2, hostile=1, neutral=0)
    >>> B = two_mode(A)
    >>> B.edges[("actor", "a"), ("target", "t")]["polarity"]
    1
    """
    A = _actor_view(g)
    B = nx.Graph()
    for u, v, d in sorted(A.edges(data=True), key=lambda e: (e[0], e[1])):
        counts = {k: int(d.get(k, 0)) for k in ("friendly", "hostile", "neutral")}
        if not neutral and not (counts["friendly"] or counts["hostile"]):
            continue
        for mode, node in ((0, u), (1, v)):
            data = A.nodes[node]
            key = ("actor" if mode == 0 else "target", node)
            B.add_node(key, bipartite=mode, label=data.get("label", node), type=data.get("type", ""))
        B.add_edge(
            ("actor", u),
            ("target", v),
            weight=sum(counts.values()),
            polarity=counts["friendly"] - counts["hostile"],
            **counts,
        )
    return B


def congruence(
    g: Graph | nx.MultiDiGraph | nx.DiGraph, normalization: str = "none", neutral: bool = False
) -> nx.Graph:
    """The congruence network: actors linked by the targets on which they agree.

    Two speakers are congruent on a target when both take a stance of the same
    polarity on it (both hostile, or both friendly), the Discourse Network
    Analyzer's congruence projection of the actor x concept network with
    polarity as the qualifier. The edge weight counts the targets they agree on,
    optionally normalised.

    Parameters
    ----------
    g : rdflib.Graph, networkx.MultiDiGraph or networkx.DiGraph
        The RDF graph, its :func:`statement_graph` or its :func:`actor_graph`.
    normalization : {"none", "average", "jaccard", "cosine"}
        How the count of shared targets is scaled, with :math:`T_u` the set of
        targets on which speaker :math:`u` takes a stance:

        * ``"none"``: the count itself; frequent speakers get heavy edges;
        * ``"average"``: the count over the average activity of the two,
          :math:`(|T_u| + |T_v|) / 2`, so that two speakers who agree on every
          target they both address score 1 however active they are, and a busy
          speaker does not dominate;
        * ``"jaccard"``: the count over :math:`|T_u \\cup T_v|`: the share of all
          targets either addresses on which they agree;
        * ``"cosine"``: the count over :math:`\\sqrt{|T_u| |T_v|}`: the cosine
          similarity of their stance profiles.
    neutral : bool
        Count neutral statements as a third polarity (two neutral claims on the
        same target agree). Off by default: a claim takes no side.

    Returns
    -------
    networkx.Graph
        Nodes are the speakers with at least one stance (with ``label`` and
        ``type``), isolated or not; each edge has ``weight`` (``int`` for
        ``"none"``, else ``float``), ``count`` (the number of targets) and
        ``targets`` (their labels, sorted, joined by ``"; "``), so that every
        weight can be traced back to the targets behind it.

    Examples
    --------
    Alice and Bob both attack T; Carol defends it:

    >>> import networkx as nx
    >>> A = nx.DiGraph()
    >>> A.add_edge("alice", "t", hostile=1, friendly=0, neutral=0)
    >>> A.add_edge("bob", "t", hostile=2, friendly=0, neutral=0)
    >>> A.add_edge("bob", "u", hostile=1, friendly=0, neutral=0)
    >>> A.add_edge("carol", "t", hostile=0, friendly=1, neutral=0)
    >>> C = congruence(A)
    >>> sorted(C.edges(data="weight"))
    [('alice', 'bob', 1)]
    >>> congruence(A, "average").edges["alice", "bob"]["weight"]
    0.6666666666666666
    """
    return _projection(g, normalization, neutral, opposite=False)


def conflict(
    g: Graph | nx.MultiDiGraph | nx.DiGraph, normalization: str = "none", neutral: bool = False
) -> nx.Graph:
    """The conflict network: actors linked by the targets on which they disagree.

    Two speakers conflict on a target when one takes a friendly and the other a
    hostile stance on it. Weights, normalisations and attributes are those of
    :func:`congruence`. A speaker with both polarities on a target (ambivalent)
    is congruent and in conflict with the others who address it.

    Examples
    --------
    >>> import networkx as nx
    >>> A = nx.DiGraph()
    >>> A.add_edge("alice", "t", hostile=1, friendly=0, neutral=0)
    >>> A.add_edge("carol", "t", hostile=0, friendly=1, neutral=0)
    >>> sorted(conflict(A).edges(data="targets"))
    [('alice', 'carol', 't')]
    """
    return _projection(g, normalization, neutral, opposite=True)


def subtract(
    g: Graph | nx.MultiDiGraph | nx.DiGraph, normalization: str = "none", neutral: bool = False
) -> nx.Graph:
    """The subtract network: congruence minus conflict, a signed agreement score.

    Each edge has ``weight`` = congruence weight - conflict weight (both
    normalised as asked, see :func:`congruence`), and ``congruence`` and
    ``conflict`` (the two weights). Pairs that agree on as many targets as they
    disagree on keep an edge of weight 0.

    Examples
    --------
    >>> import networkx as nx
    >>> A = nx.DiGraph()
    >>> for speaker, target, sign in [("a", "t", 1), ("a", "u", 1), ("b", "t", 1), ("b", "u", -1)]:
    ...     A.add_edge(speaker, target, friendly=int(sign > 0), hostile=int(sign < 0), neutral=0)
    >>> subtract(A).edges["a", "b"]
    {'weight': 0, 'congruence': 1, 'conflict': 1}
    """
    C = congruence(g, normalization, neutral)
    K = conflict(g, normalization, neutral)
    S = nx.Graph()
    S.add_nodes_from(C.nodes(data=True))
    zero = 0 if normalization == "none" else 0.0
    for u, v in sorted({tuple(sorted(e)) for e in [*C.edges(), *K.edges()]}):
        pos = C.edges[u, v]["weight"] if C.has_edge(u, v) else zero
        neg = K.edges[u, v]["weight"] if K.has_edge(u, v) else zero
        S.add_edge(u, v, weight=pos - neg, congruence=pos, conflict=neg)
    return S


def signed_graph(g: Graph | nx.MultiDiGraph | nx.DiGraph) -> nx.Graph:
    """The undirected signed graph of direct statements, for structural balance.

    Two nodes are linked when either made a statement about the other and the
    net polarity of all those statements (both directions summed) is not zero;
    ``sign`` is +1 or -1 and ``polarity`` the net sum. Topics are kept: a topic
    that two actors address is the *x* of Heider's person-other-object triad.
    Self-loops are dropped.

    Examples
    --------
    >>> import networkx as nx
    >>> A = nx.DiGraph()
    >>> A.add_edge("a", "b", polarity=-2)
    >>> A.add_edge("b", "a", polarity=1)
    >>> A.add_edge("a", "c", polarity=0)
    >>> sorted(signed_graph(A).edges(data="sign"))
    [('a', 'b', -1)]
    """
    A = _actor_view(g)
    S = nx.Graph()
    S.add_nodes_from(A.nodes(data=True))
    net: Counter[tuple[str, str]] = Counter()
    for u, v, d in A.edges(data=True):
        if u != v:
            net[tuple(sorted((u, v)))] += int(d.get("polarity", 0))
    for (u, v), polarity in sorted(net.items()):
        if polarity:
            S.add_edge(u, v, sign=1 if polarity > 0 else -1, polarity=polarity)
    return _scalar_nodes(S)


def alignment_graph(g: Graph | nx.MultiDiGraph | nx.DiGraph) -> nx.Graph:
    """The signed actor graph on which coalitions are found.

    Between two actors (topics left out), the weight adds what they say alike
    and what they say to each other, both counted as distinct relations:

    * ``congruence``: the targets on which they take the same stance;
    * ``conflict``: the targets on which they take opposite stances;
    * ``direct``: for each direction in which one addresses the other, the
      sign of the net polarity (+1 friendly, -1 hostile, 0 balanced or
      neutral), so a dyad contributes -2 .. +2 however many times an article
      repeats it;
    * ``weight`` = ``congruence`` - ``conflict`` + ``direct``.

    Every actor node is kept, including actors that only receive statements:
    the United States of an article that quotes only Russian officials has no
    congruence with anyone, and is placed by the hostility it receives.

    Examples
    --------
    >>> import networkx as nx
    >>> A = nx.DiGraph()
    >>> A.add_nodes_from(["a", "b", "x"], type="Person")
    >>> A.add_node("t", type="Topic")
    >>> A.add_edge("a", "t", hostile=1, friendly=0, neutral=0, polarity=-1)
    >>> A.add_edge("b", "t", hostile=1, friendly=0, neutral=0, polarity=-1)
    >>> A.add_edge("a", "x", hostile=3, friendly=0, neutral=0, polarity=-3)
    >>> sorted(alignment_graph(A).edges(data="weight"))
    [('a', 'b', 1), ('a', 'x', -1)]
    """
    A = _actor_view(g)
    S = subtract(A)
    G = nx.Graph()
    G.add_nodes_from((n, d) for n, d in A.nodes(data=True) if d.get("type", "") != "Topic")
    direct: Counter[tuple[str, str]] = Counter()
    for u, v, d in A.edges(data=True):
        if u != v and u in G and v in G:
            p = int(d.get("polarity", 0))
            direct[tuple(sorted((u, v)))] += (p > 0) - (p < 0)
    pairs = {tuple(sorted(e)) for e in S.edges() if e[0] in G and e[1] in G} | set(direct)
    for u, v in sorted(pairs):
        pos = S.edges[u, v]["congruence"] if S.has_edge(u, v) else 0
        neg = S.edges[u, v]["conflict"] if S.has_edge(u, v) else 0
        d = direct[u, v]
        if pos or neg or d:
            G.add_edge(u, v, weight=pos - neg + d, congruence=pos, conflict=neg, direct=d)
    return _scalar_nodes(G)


def window(M: nx.MultiDiGraph, start: str | None = None, end: str | None = None) -> nx.MultiDiGraph:
    """The statements dated in ``[start, end)``, as a statement graph.

    Dates are compared on their ISO ``YYYY-MM-DD`` prefix; undated statements
    are left out of every window. All nodes are kept, so that windows can be
    compared node by node.

    Examples
    --------
    >>> import networkx as nx
    >>> M = nx.MultiDiGraph()
    >>> M.add_edge("a", "b", key="s1", date="2022-01-10")
    's1'
    >>> M.add_edge("a", "b", key="s2", date="2022-02-03")
    's2'
    >>> M.add_edge("a", "b", key="s3", date="")
    's3'
    >>> list(window(M, "2022-02-01").edges(keys=True))
    [('a', 'b', 's2')]
    """
    H = nx.MultiDiGraph(untargeted=[])
    H.add_nodes_from(M.nodes(data=True))
    for u, v, key, d in M.edges(keys=True, data=True):
        day = _day(d.get("date", ""))
        if day and (start is None or day >= start[:10]) and (end is None or day < end[:10]):
            H.add_edge(u, v, key=key, **d)
    H.graph["untargeted"] = [
        e
        for e in M.graph.get("untargeted", ())
        if (day := _day(e.get("date", "")))
        and (start is None or day >= start[:10])
        and (end is None or day < end[:10])
    ]
    return H


def time_slices(M: nx.MultiDiGraph, freq: str = "month") -> dict[str, nx.MultiDiGraph]:
    """The statement graph cut into periods: ``{period: statement graph}``.

    Parameters
    ----------
    M : networkx.MultiDiGraph
        A :func:`statement_graph`.
    freq : {"year", "month", "week", "day"}
        The length of a period; periods are labelled ``2022``, ``2022-01``,
        ``2022-W02`` (ISO week) and ``2022-01-10``.

    Returns
    -------
    dict of str to networkx.MultiDiGraph
        Only periods with a dated statement, in time order; each slice keeps
        every node. Empty when no statement has a date.

    Examples
    --------
    >>> import networkx as nx
    >>> M = nx.MultiDiGraph()
    >>> M.add_edge("a", "b", key="s1", date="2022-01-10")
    's1'
    >>> M.add_edge("a", "b", key="s2", date="2022-03-03T12:00:00")
    's2'
    >>> {p: S.number_of_edges() for p, S in time_slices(M).items()}
    {'2022-01': 1, '2022-03': 1}
    """
    if freq not in _FREQS:
        raise UsageError(f"unknown freq {freq!r}; valid: {', '.join(_FREQS)}")
    slices: dict[str, nx.MultiDiGraph] = {}
    for u, v, key, d in sorted(M.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        day = _day(d.get("date", ""))
        if not day:
            continue
        period = period_of(day, freq)
        if period not in slices:
            slices[period] = nx.MultiDiGraph(untargeted=[])
            slices[period].add_nodes_from(M.nodes(data=True))
        slices[period].add_edge(u, v, key=key, **d)
    return dict(sorted(slices.items()))


def period_of(date: str, freq: str = "month") -> str:
    """The label of the period holding ``date`` (see :func:`time_slices`); ``""`` if undated.

    >>> period_of("2022-01-10", "week")
    '2022-W02'
    """
    day = _day(date)
    if not day:
        return ""
    if freq == "year":
        return day[:4]
    if freq == "month":
        return day[:7]
    if freq == "week":
        year, week, _ = _date.fromisoformat(day).isocalendar()
        return f"{year}-W{week:02d}"
    if freq == "day":
        return day
    raise UsageError(f"unknown freq {freq!r}; valid: {', '.join(_FREQS)}")


def _day(date: str) -> str:
    """The ``YYYY-MM-DD`` prefix of an ISO date or date-time; ``""`` if it is none."""
    day = (date or "")[:10]
    try:
        _date.fromisoformat(day)
    except ValueError:
        return ""
    return day


def _actor_view(g: Graph | nx.MultiDiGraph | nx.DiGraph) -> nx.DiGraph:
    if isinstance(g, Graph) or (isinstance(g, nx.Graph) and g.is_multigraph()):
        return actor_graph(g)
    if isinstance(g, nx.DiGraph):
        return g
    raise UsageError(
        f"expected an rdflib.Graph, a statement_graph() or an actor_graph(), not {type(g).__name__}"
    )


def _projection(
    g: Graph | nx.MultiDiGraph | nx.DiGraph, normalization: str, neutral: bool, opposite: bool
) -> nx.Graph:
    if normalization not in NORMALIZATIONS:
        raise UsageError(f"unknown normalization {normalization!r}; valid: {', '.join(NORMALIZATIONS)}")
    A = _actor_view(g)
    fields = {1: "friendly", -1: "hostile", **({0: "neutral"} if neutral else {})}
    # stances[u][t]: the polarities speaker u takes on target t.
    stances: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for u, t, d in A.edges(data=True):
        for sign, field in fields.items():
            if d.get(field, 0):
                stances[u][t].add(sign)
    P = nx.Graph()
    for u in sorted(stances):
        P.add_node(u, label=A.nodes[u].get("label", u), type=A.nodes[u].get("type", ""))
    speakers = sorted(stances)
    for i, u in enumerate(speakers):
        for v in speakers[i + 1 :]:
            shared = [
                t
                for t in stances[u].keys() & stances[v].keys()
                if any((-p if opposite else p) in stances[v][t] for p in stances[u][t])
            ]
            if not shared:
                continue
            count = len(shared)
            nu, nv = len(stances[u]), len(stances[v])
            weight: float = {
                "none": count,
                "average": count / ((nu + nv) / 2),
                "jaccard": count / len(stances[u].keys() | stances[v].keys()),
                "cosine": count / math.sqrt(nu * nv),
            }[normalization]
            labels = sorted(str(A.nodes[t].get("label", t)) for t in shared)
            P.add_edge(u, v, weight=weight, count=count, targets="; ".join(labels))
    return P


def _scalar_nodes(G: nx.Graph) -> nx.Graph:
    for _, data in G.nodes(data=True):
        for k in [k for k, v in data.items() if not isinstance(v, (str, int, float, bool))]:
            del data[k]
    return G


# ---------------------------------------------------------------- measures


def made(G: nx.MultiDiGraph | nx.DiGraph) -> dict[str, int]:
    """The number of statements each node made.

    On a statement graph each statement is counted once, however many targets
    it has, and statements without a target count too. On an actor graph this is
    its nodes' ``made`` attribute, computed the same way by :func:`actor_graph`.

    Examples
    --------
    >>> from kg.records import Actor, ActorType, Kind, Stance, Statement
    >>> from kg.rdf import to_graph
    >>> a = Actor("Aland", "Aland", ActorType.COUNTRY)
    >>> st = Statement("a.txt", a, Stance.CLAIM, Kind.INDIRECT, "say", "Aland said", 0, 10, "", 0, 0)
    >>> made(statement_graph(to_graph([st])))
    {'https://w3id.org/newsgraph/id/actor/aland': 1}
    """
    if not G.is_multigraph():
        return _node_counts(G, "made")
    statements: dict[str, set[str]] = {node: set() for node in G}
    for u, _, key in G.edges(keys=True):
        statements[u].add(key)
    for entry in G.graph.get("untargeted", ()):
        statements[entry["speaker"]].add(entry["statement"])
    return {node: len(keys) for node, keys in statements.items()}


def received(G: nx.MultiDiGraph | nx.DiGraph) -> dict[str, int]:
    """The number of statements that target each node.

    On an actor graph this is its nodes' ``received`` attribute.

    Examples
    --------
    >>> from kg.records import Actor, ActorType, Kind, Stance, Statement
    >>> from kg.rdf import to_graph
    >>> a, b = Actor("Aland", "Aland", ActorType.COUNTRY), Actor("Bland", "Bland", ActorType.COUNTRY)
    >>> st = Statement("a.txt", a, Stance.DENY, Kind.INDIRECT, "deny", "Aland denied", 0, 12, "", 0, 0,
    ...                targets=(b,))
    >>> sorted(received(statement_graph(to_graph([st]))).values())
    [0, 1]
    """
    if not G.is_multigraph():
        return _node_counts(G, "received")
    statements: dict[str, set[str]] = {node: set() for node in G}
    for _, v, key in G.edges(keys=True):
        statements[v].add(key)
    return {node: len(keys) for node, keys in statements.items()}


def top_speakers(G: nx.MultiDiGraph | nx.DiGraph, n: int | None = 10) -> list[tuple[str, int]]:
    """The ``n`` nodes that made the most statements, as ``(label, count)``.

    Nodes that made none are left out; ties are broken by label, then IRI.
    ``n=None`` gives them all.

    Examples
    --------
    See the module's example.
    """
    return _ranked(G, made(G), n)


def most_targeted(G: nx.MultiDiGraph | nx.DiGraph, n: int | None = 10) -> list[tuple[str, int]]:
    """The ``n`` nodes that are the target of the most statements, as ``(label, count)``.

    Nodes never targeted are left out; ties are broken by label, then IRI.

    Examples
    --------
    >>> from kg.records import Actor, ActorType, Kind, Stance, Statement
    >>> from kg.rdf import to_graph
    >>> a, b = Actor("Aland", "Aland", ActorType.COUNTRY), Actor("Bland", "Bland", ActorType.COUNTRY)
    >>> st = Statement("a.txt", a, Stance.DENY, Kind.INDIRECT, "deny", "Aland denied", 0, 12, "", 0, 0,
    ...                targets=(b,))
    >>> most_targeted(actor_graph(to_graph([st])))
    [('Bland', 1)]
    """
    return _ranked(G, received(G), n)


def ranked_edges(
    G: nx.MultiDiGraph | nx.DiGraph, sign: int = -1, n: int | None = 10
) -> list[tuple[str, str]]:
    """The ``n`` (speaker, target) node pairs with the most statements of one polarity.

    The pairs of :func:`strongest_edges`, in the same order, as node IRIs, for
    callers that need the edge itself (its ``statements``, say).

    Parameters
    ----------
    G : networkx.DiGraph or networkx.MultiDiGraph
        An actor graph, or a statement graph (aggregated first).
    sign : {-1, 0, 1}
        -1 ranks pairs by their hostile statements, +1 by their friendly ones,
        0 by their neutral ones.
    n : int or None
        How many pairs to return; ``None`` for all.

    Returns
    -------
    list of (speaker, target)
        Pairs with no statement of that polarity are left out; ties are broken
        by speaker label, target label, then IRIs.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from([("a", {"label": "A"}), ("b", {"label": "B"}), ("c", {"label": "C"})])
    >>> G.add_edge("a", "c", hostile=1, friendly=0, neutral=0)
    >>> G.add_edge("a", "b", hostile=1, friendly=0, neutral=0)
    >>> G.add_edge("c", "a", hostile=2, friendly=1, neutral=0)
    >>> ranked_edges(G, sign=-1)
    [('c', 'a'), ('a', 'b'), ('a', 'c')]
    >>> ranked_edges(G, sign=+1)
    [('c', 'a')]
    """
    if sign not in _SIGN_FIELD:
        raise UsageError(f"sign must be one of -1, 0, 1 (hostile, neutral, friendly), not {sign!r}")
    A = actor_graph(G) if G.is_multigraph() else G
    field = _SIGN_FIELD[sign]
    ranked = sorted(
        (-data[field], A.nodes[u]["label"], A.nodes[v]["label"], u, v)
        for u, v, data in A.edges(data=True)
        if data[field] > 0
    )
    if n is not None:
        ranked = ranked[:n]
    return [(u, v) for *_, u, v in ranked]


def strongest_edges(
    G: nx.MultiDiGraph | nx.DiGraph, sign: int = -1, n: int | None = 10
) -> list[tuple[str, str, int, str]]:
    """The ``n`` speaker -> target pairs with the most statements of one polarity.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.MultiDiGraph
        An actor graph, or a statement graph (aggregated first).
    sign : {-1, 0, 1}
        -1 ranks pairs by their hostile statements, +1 by their friendly ones,
        0 by their neutral ones.
    n : int or None
        How many pairs to return; ``None`` for all.

    Returns
    -------
    list of (speaker label, target label, count, stances)
        ``count`` is the number of statements of that polarity and ``stances``
        the count of each of their stances (``"accuse:2; criticize:1"``).
        Pairs with no such statement are left out; ties are broken by speaker
        label, target label, then IRIs (see :func:`ranked_edges`).

    Examples
    --------
    See the module's example.
    """
    A = actor_graph(G) if G.is_multigraph() else G
    field = _SIGN_FIELD.get(sign, "")
    return [
        (
            A.nodes[u]["label"],
            A.nodes[v]["label"],
            A.edges[u, v][field],
            _stances_of_sign(A.edges[u, v]["stances"], sign),
        )
        for u, v in ranked_edges(A, sign, n)
    ]


# ---------------------------------------------------------------- tables and export


def to_dataframe(M: nx.MultiDiGraph) -> pd.DataFrame:
    """The statements of a statement graph as a table, one row per (statement, target).

    A statement without a target has one row whose ``target``, ``target_label``
    and ``target_type`` are ``""``. The columns are :data:`COLUMNS`; ``polarity``,
    ``start`` and ``end`` are integers and ``confidence`` (the edge ``weight``) a
    float. Rows are sorted by article, offsets, statement and target.

    Examples
    --------
    >>> from kg.records import Actor, ActorType, Kind, Stance, Statement
    >>> from kg.rdf import to_graph
    >>> a, b = Actor("Aland", "Aland", ActorType.COUNTRY), Actor("Bland", "Bland", ActorType.COUNTRY)
    >>> st = Statement("a.txt", a, Stance.DENY, Kind.INDIRECT, "deny", "Aland denied", 0, 12, "", 0, 0,
    ...                targets=(b,))
    >>> df = to_dataframe(statement_graph(to_graph([st])))
    >>> df[["speaker_label", "stance", "target_label", "start", "end"]].values.tolist()
    [['Aland', 'deny', 'Bland', 0, 12]]
    """
    nodes = M.nodes
    rows = [_row(nodes, u, v, key, data) for u, v, key, data in M.edges(keys=True, data=True)]
    rows += [_row(nodes, e["speaker"], "", e["statement"], e) for e in M.graph.get("untargeted", ())]
    rows.sort(key=lambda r: (r["doc"], r["start"], r["end"], r["statement"], r["target"]))
    df = pd.DataFrame(rows, columns=list(COLUMNS))
    return df.astype({"polarity": "int64", "start": "int64", "end": "int64", "confidence": "float64"})


def for_graphml(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` without the attributes GraphML cannot hold (lists, dicts, None).

    It drops the actor graph's edge ``statements`` and the statement graph's
    ``graph["untargeted"]``; ``G`` itself is left as it is.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_edge("a", "b", weight=2, statements=[{"iri": "s"}])
    >>> for_graphml(G).edges["a", "b"]
    {'weight': 2}
    >>> "statements" in G.edges["a", "b"]
    True
    """
    H = G.__class__()
    H.graph.update(_scalars(G.graph))
    H.add_nodes_from((node, _scalars(data)) for node, data in G.nodes(data=True))
    if G.is_multigraph():
        H.add_edges_from((u, v, k, _scalars(d)) for u, v, k, d in G.edges(keys=True, data=True))
    else:
        H.add_edges_from((u, v, _scalars(d)) for u, v, d in G.edges(data=True))
    return H


# ---------------------------------------------------------------- helpers


def _text(term: Identifier | None) -> str:
    return "" if term is None else str(term)


def _local(iri: Identifier | str | None) -> str:
    """The last segment of an IRI: ``...ontology#Person`` -> ``Person``; ``""`` for None."""
    return "" if iri is None else str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _int(term: Identifier | None) -> int:
    return 0 if term is None else int(term.toPython())


def _float(term: Identifier | None) -> float:
    return 0.0 if term is None else float(term.toPython())


def _actor_node(row: dict[str, Identifier | None]) -> dict[str, str]:
    names = sorted({part for part in _text(row["affiliation"]).split("; ") if part})
    return {
        "label": _text(row["label"]) or _local(row["actor"]),
        "type": _local(row["type"]),
        "role": _text(row["role"]),
        "affiliation": "; ".join(names),
    }


def _note_node(
    nodes: dict[str, dict[str, str]],
    actors: dict[str, dict[str, str]],
    iri: str,
    label: str,
    type_: str,
) -> None:
    if iri in nodes:
        return
    nodes[iri] = actors.get(iri) or {
        "label": label or _local(iri),
        "type": type_,
        "role": "",
        "affiliation": "",
    }


def _stance(concept: Identifier) -> Stance:
    try:
        return stance_of(concept)
    except (ValueError, IndexError):
        valid = ", ".join(s.value for s in Stance)
        raise KGError(f"unknown stance {str(concept)!r}; valid stances: {valid}") from None


def _statement_records(rows: Iterable[dict[str, Identifier | None]]) -> list[dict[str, Any]]:
    """Plain-valued records, one per (statement, target).

    A node with two labels or types (the same actor key written twice with
    different details) makes the query return several rows for one (statement,
    target); the least of them is kept, so the choice does not depend on the
    store's order.
    """
    chosen: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        stance = _stance(row["stance"])
        rec = {
            "statement": _text(row["statement"]),
            "speaker": _text(row["speaker"]),
            "speaker_label": _text(row["speakerLabel"]),
            "speaker_type": _local(row["speakerType"]),
            "stance": stance.value,
            "polarity": stance.polarity,
            "target": _text(row["target"]),
            "target_label": _text(row["targetLabel"]),
            "target_type": _local(row["targetType"]),
            "cue": _text(row["cue"]),
            "kind": _text(row["kind"]),
            "quote": _text(row["quote"]),
            "evidence": _text(row["evidence"]),
            "doc": _text(row["doc"]),
            "start": _int(row["start"]),
            "end": _int(row["end"]),
            "date": _text(row["date"]),
            "confidence": _float(row["confidence"]),
        }
        key = (rec["statement"], rec["target"])
        if key not in chosen or _sort_key(rec) < _sort_key(chosen[key]):
            chosen[key] = rec
    return [chosen[key] for key in sorted(chosen)]


def _sort_key(rec: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(rec[c]) for c in COLUMNS)


def _edge_attrs(rec: dict[str, Any]) -> dict[str, Any]:
    # An edge's weight is the statement's confidence.
    return {k: rec["confidence"] if k == "weight" else rec[k] for k in _EDGE_ATTRS}


def _row(nodes: Any, u: str, v: str, key: str, data: dict[str, Any]) -> dict[str, Any]:
    speaker, target = nodes[u], (nodes[v] if v else {})
    return {
        "statement": key,
        "speaker": u,
        "speaker_label": speaker.get("label", ""),
        "speaker_type": speaker.get("type", ""),
        "stance": data["stance"],
        "polarity": data["polarity"],
        "target": v,
        "target_label": target.get("label", ""),
        "target_type": target.get("type", ""),
        **{k: data[k] for k in ("cue", "kind", "quote", "evidence", "doc", "start", "end", "date")},
        "confidence": data["weight"],
    }


def _node_counts(G: nx.DiGraph, attr: str) -> dict[str, int]:
    try:
        return {node: int(data[attr]) for node, data in G.nodes(data=True)}
    except KeyError:
        raise UsageError(
            f"the nodes have no {attr!r} attribute: pass the graph of actor_graph() or of statement_graph()"
        ) from None


def _ranked(G: nx.Graph, counts: dict[str, int], n: int | None) -> list[tuple[str, int]]:
    ranked = sorted((-count, G.nodes[node]["label"], node) for node, count in counts.items() if count > 0)
    if n is not None:
        ranked = ranked[:n]
    return [(label, -count) for count, label, _ in ranked]


def _format_stances(counts: Counter[str]) -> str:
    return "; ".join(f"{stance}:{counts[stance]}" for stance in sorted(counts))


def _stances_of_sign(stances: str, sign: int) -> str:
    """Keep the ``stance:count`` parts of ``stances`` whose stance has polarity ``sign``."""
    parts = [part for part in stances.split("; ") if part]
    return "; ".join(part for part in parts if Stance(part.split(":", 1)[0]).polarity == sign)


def _scalars(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if isinstance(v, (str, int, float, bool))}
