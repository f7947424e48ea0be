"""RDF -> networkx: the statement graph, the actor graph and measures on them.

Two views of the same statements:

* :func:`statement_graph`, a :class:`~networkx.MultiDiGraph` with one edge
  ``speaker -> target`` per (statement, target), keyed by the statement's IRI;
  every detail of the statement is kept on its edge.
* :func:`actor_graph`, a :class:`~networkx.DiGraph` with one edge per
  (speaker, target) pair that counts the statements behind it, by polarity and by
  stance: the network that is drawn and ranked.

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

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx
import pandas as pd
from rdflib import Graph
from rdflib.term import Identifier

from .errors import KGError, UsageError
from .queries import run
from .records import Stance
from .vocab import stance_of

__all__ = [
    "COLUMNS",
    "actor_graph",
    "for_graphml",
    "made",
    "most_targeted",
    "ranked_edges",
    "received",
    "statement_graph",
    "strongest_edges",
    "to_dataframe",
    "top_speakers",
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
