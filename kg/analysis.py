"""Network analysis as tables, for notebooks and for ``kg analyze``.

The table functions take the RDF graph (or its statement graph) and return
:class:`pandas.DataFrame` objects whose rows trace back to actors, targets and
statement IRIs; :func:`to_markdown` puts the main ones in one readable page and
:func:`write` writes everything ``kg analyze`` produces into a folder. The
measures themselves live in :mod:`kg.measures` and the graph views in
:mod:`kg.network`; nothing here changes a graph it is given, and the same
graph always gives the same tables and files, byte for byte.

>>> from kg.records import Actor, ActorType, Kind, Stance, Statement
>>> from kg.rdf import to_graph
>>> a, b, c = (Actor(k, k, ActorType.COUNTRY) for k in ("Aland", "Bland", "Cland"))
>>> def says(speaker, stance, target, start):
...     return Statement("a.txt", speaker, stance, Kind.INDIRECT, "say", "...", start, start + 3,
...                      "", 0, 0, targets=(target,))
>>> g = to_graph([says(a, Stance.ACCUSE, c, 0), says(b, Stance.CRITICIZE, c, 10),
...               says(c, Stance.THREATEN, a, 20)])
>>> coalitions_table(g)[["coalition", "label"]].values.tolist()
[[1, 'Aland'], [1, 'Bland'], [2, 'Cland']]
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
from rdflib import Graph

from . import measures
from .errors import UsageError
from .network import actor_graph, conflict, congruence, for_graphml, statement_graph, subtract
from .report import escape

log = logging.getLogger(__name__)

__all__ = [
    "ACTOR_COLUMNS",
    "OUTPUTS",
    "actor_table",
    "coalitions_table",
    "contested_targets_table",
    "edge_table",
    "gephi_graph",
    "projection_table",
    "stance_changes_table",
    "summary",
    "to_markdown",
    "write",
]

#: The files :func:`write` always produces (``stance_over_time.png`` only with dates).
OUTPUTS = (
    "analysis.md",
    "actors.csv",
    "edges.csv",
    "coalitions.csv",
    "contested_targets.csv",
    "projections.csv",
    "stance_changes.csv",
    "actors.graphml",
    "actors.gexf",
    "top_actors.png",
    "hostility_matrix.png",
)

#: The columns of :func:`actor_table`, in order.
ACTOR_COLUMNS = (
    "actor",
    "label",
    "type",
    "role",
    "affiliation",
    "coalition",
    "made",
    "received",
    "hostile_made",
    "hostile_received",
    "friendly_made",
    "friendly_received",
    "neutral_made",
    "neutral_received",
    "pagerank_hostile",
    "pagerank_friendly",
    "betweenness",
    "hostile_reciprocity",
)

#: Floats are rounded to this many decimals, so that files do not depend on
#: the last bits of a floating-point sum.
DECIMALS = 6

_Input = Graph | nx.MultiDiGraph | nx.DiGraph


# ---------------------------------------------------------------- tables


def actor_table(g: _Input, k: int | None = 2) -> pd.DataFrame:
    """One row per actor or topic with every node measure.

    Parameters
    ----------
    g : rdflib.Graph, networkx.MultiDiGraph or networkx.DiGraph
        The RDF graph, its statement graph or its actor graph.
    k : int or None
        The number of coalitions asked of :func:`kg.measures.coalitions`
        (``None``: as many as modularity finds).

    Returns
    -------
    pandas.DataFrame
        The columns :data:`ACTOR_COLUMNS`: the node's IRI and details, its
        coalition (0 for none, and for topics), statements made and received
        (``made`` counts a statement once however many targets it has; the
        columns by polarity count (statement, target) pairs), PageRank on the hostile and friendly layers,
        directed betweenness and hostile reciprocity. Rows are sorted by
        activity (made + received), then label, then IRI.
    """
    A = _actor_graph(g)
    coalition = measures.coalitions(A, k)
    made, received = measures.activity(A, "made"), measures.activity(A, "received")
    by_sign = {
        (name, direction): measures.polarity_degree(A, sign, direction)
        for sign, name in ((-1, "hostile"), (1, "friendly"), (0, "neutral"))
        for direction in ("out", "in")
    }
    pr_hostile, pr_friendly = measures.pagerank(A, -1), measures.pagerank(A, 1)
    between = measures.betweenness(A)
    reciprocity = measures.hostile_reciprocity(A)
    rows = []
    for node, data in A.nodes(data=True):
        rows.append(
            {
                "actor": node,
                "label": data.get("label", node),
                "type": data.get("type", ""),
                "role": data.get("role", ""),
                "affiliation": data.get("affiliation", ""),
                "coalition": coalition.get(node, 0),
                "made": made[node],
                "received": received[node],
                **{
                    f"{name}_{'made' if direction == 'out' else 'received'}": counts[node]
                    for (name, direction), counts in by_sign.items()
                },
                "pagerank_hostile": pr_hostile.get(node, 0.0),
                "pagerank_friendly": pr_friendly.get(node, 0.0),
                "betweenness": between.get(node, 0.0),
                "hostile_reciprocity": reciprocity.get(node, 0.0),
            }
        )
    rows.sort(key=lambda r: (-(r["made"] + r["received"]), r["label"], r["actor"]))
    return _rounded(pd.DataFrame(rows, columns=list(ACTOR_COLUMNS)))


def edge_table(g: _Input) -> pd.DataFrame:
    """One row per (speaker, target) pair of the actor graph, with its statements' IRIs.

    Columns: ``speaker``, ``speaker_label``, ``target``, ``target_label``,
    ``statements``, ``hostile``, ``friendly``, ``neutral``, ``polarity``,
    ``stances`` and ``statement_iris`` (sorted, joined by ``" "``). Rows are
    sorted by number of statements, then labels.
    """
    A = _actor_graph(g)
    rows = [
        {
            "speaker": u,
            "speaker_label": A.nodes[u].get("label", u),
            "target": v,
            "target_label": A.nodes[v].get("label", v),
            "statements": int(d.get("weight", 0)),
            "hostile": int(d.get("hostile", 0)),
            "friendly": int(d.get("friendly", 0)),
            "neutral": int(d.get("neutral", 0)),
            "polarity": int(d.get("polarity", 0)),
            "stances": d.get("stances", ""),
            "statement_iris": " ".join(sorted(s["iri"] for s in d.get("statements", ()))),
        }
        for u, v, d in A.edges(data=True)
    ]
    rows.sort(
        key=lambda r: (-r["statements"], r["speaker_label"], r["target_label"], r["speaker"], r["target"])
    )
    columns = [
        "speaker",
        "speaker_label",
        "target",
        "target_label",
        "statements",
        "hostile",
        "friendly",
        "neutral",
        "polarity",
        "stances",
        "statement_iris",
    ]
    return pd.DataFrame(rows, columns=columns)


def coalitions_table(g: _Input, k: int | None = 2) -> pd.DataFrame:
    """The members of each coalition (see :func:`kg.measures.coalitions`).

    Columns: ``coalition``, ``actor``, ``label``, ``type``, ``made``,
    ``received``. Actors (not topics) only; coalition 0 (no signed tie) comes
    last; inside a coalition, rows are sorted by label.
    """
    A = _actor_graph(g)
    coalition = measures.coalitions(A, k)
    rows = [
        {
            "coalition": coalition.get(node, 0),
            "actor": node,
            "label": data.get("label", node),
            "type": data.get("type", ""),
            "made": int(data.get("made", 0)),
            "received": int(data.get("received", 0)),
        }
        for node, data in A.nodes(data=True)
        if data.get("type", "") != "Topic"
    ]
    rows.sort(key=lambda r: (r["coalition"] == 0, r["coalition"], r["label"], r["actor"]))
    return pd.DataFrame(rows, columns=["coalition", "actor", "label", "type", "made", "received"])


def contested_targets_table(g: _Input) -> pd.DataFrame:
    """The targets that receive statements of both polarities, most contested first.

    Columns: ``target``, ``label``, ``type``, ``contestation`` (the smaller of
    the friendly and hostile counts, see :func:`kg.measures.contested_targets`),
    ``friendly``, ``hostile``, ``neutral`` and the labels of the
    ``friendly_speakers`` and ``hostile_speakers`` (sorted, joined by ``"; "``).
    """
    A = _actor_graph(g)
    rows = []
    for target, score in measures.contested_targets(A).items():
        incoming = [(u, d) for u, _, d in A.in_edges(target, data=True)]
        rows.append(
            {
                "target": target,
                "label": A.nodes[target].get("label", target),
                "type": A.nodes[target].get("type", ""),
                "contestation": score,
                **{f: sum(int(d.get(f, 0)) for _, d in incoming) for f in ("friendly", "hostile", "neutral")},
                **{
                    f"{f}_speakers": "; ".join(
                        sorted(A.nodes[u].get("label", u) for u, d in incoming if d.get(f))
                    )
                    for f in ("friendly", "hostile")
                },
            }
        )
    columns = [
        "target",
        "label",
        "type",
        "contestation",
        "friendly",
        "hostile",
        "neutral",
        "friendly_speakers",
        "hostile_speakers",
    ]
    return pd.DataFrame(rows, columns=columns)


def projection_table(g: _Input, normalization: str = "none") -> pd.DataFrame:
    """The congruence, conflict and subtract networks as one table of actor pairs.

    Columns: ``actor_a``, ``label_a``, ``actor_b``, ``label_b``,
    ``congruence``, ``conflict``, ``subtract`` (normalised as asked, see
    :func:`kg.network.congruence`), and the labels of the ``agreed_targets``
    and ``disputed_targets``. Rows are sorted by congruence plus conflict,
    then labels.
    """
    A = _actor_graph(g)
    S = subtract(A, normalization)
    C, K = congruence(A, normalization), conflict(A, normalization)
    rows = []
    for u, v, d in S.edges(data=True):
        a, b = sorted((u, v), key=lambda n: (A.nodes[n].get("label", n), n))
        rows.append(
            {
                "actor_a": a,
                "label_a": A.nodes[a].get("label", a),
                "actor_b": b,
                "label_b": A.nodes[b].get("label", b),
                "congruence": d["congruence"],
                "conflict": d["conflict"],
                "subtract": d["weight"],
                "agreed_targets": C.edges[u, v]["targets"] if C.has_edge(u, v) else "",
                "disputed_targets": K.edges[u, v]["targets"] if K.has_edge(u, v) else "",
            }
        )
    rows.sort(key=lambda r: (-(r["congruence"] + r["conflict"]), r["label_a"], r["label_b"], r["actor_a"]))
    columns = [
        "actor_a",
        "label_a",
        "actor_b",
        "label_b",
        "congruence",
        "conflict",
        "subtract",
        "agreed_targets",
        "disputed_targets",
    ]
    return _rounded(pd.DataFrame(rows, columns=columns))


def stance_changes_table(g: Graph | nx.MultiDiGraph) -> pd.DataFrame:
    """The (speaker, target) pairs whose stance flips over time, with the dates.

    Columns: ``speaker``, ``speaker_label``, ``target``, ``target_label``,
    ``flips``, ``first_date``, ``first_polarity``, ``last_date``,
    ``last_polarity`` and ``sequence`` (the dated polarities in order, e.g.
    ``"2022-01-03:+ 2022-02-10:-"``). Empty when no statement is dated.
    """
    M = _statement_graph(g)
    rows = []
    for (u, v), flips in measures.stance_changes(M).items():
        dated = sorted(
            (d["date"], d.get("doc", ""), d.get("start", 0), key, d["polarity"])
            for key, d in M[u][v].items()
            if d.get("polarity") and d.get("date")
        )
        rows.append(
            {
                "speaker": u,
                "speaker_label": M.nodes[u].get("label", u),
                "target": v,
                "target_label": M.nodes[v].get("label", v),
                "flips": flips,
                "first_date": dated[0][0],
                "first_polarity": dated[0][-1],
                "last_date": dated[-1][0],
                "last_polarity": dated[-1][-1],
                "sequence": " ".join(f"{d[0]}:{'+' if d[-1] > 0 else '-'}" for d in dated),
            }
        )
    rows.sort(key=lambda r: (-r["flips"], r["speaker_label"], r["target_label"]))
    columns = [
        "speaker",
        "speaker_label",
        "target",
        "target_label",
        "flips",
        "first_date",
        "first_polarity",
        "last_date",
        "last_polarity",
        "sequence",
    ]
    return pd.DataFrame(rows, columns=columns)


def summary(g: _Input, k: int | None = 2) -> dict[str, Any]:
    """Whole-network figures: size, balance, reciprocity, coalitions, polarisation.

    Keys: ``statements``, ``dated_statements``, ``actors``, ``topics``,
    ``edges``, ``hostile_edges``, ``friendly_edges``, ``balanced_triangles``,
    ``unbalanced_triangles``, ``balance`` (NaN without signed triangles),
    ``hostile_reciprocity``, ``coalitions`` (with ``k``),
    ``coalitions_by_modularity`` (with no limit), ``signed_modularity`` and
    ``polarisation`` (of the coalitions with ``k``).
    """
    M = _statement_graph(g) if isinstance(g, Graph) or g.is_multigraph() else None
    A = _actor_graph(g)
    statements: set[str] = set()
    dated: set[str] = set()
    if M is not None:
        for _, _, key, d in M.edges(keys=True, data=True):
            statements.add(key)
            if d.get("date"):
                dated.add(key)
        for e in M.graph.get("untargeted", ()):
            statements.add(e["statement"])
            if e.get("date"):
                dated.add(e["statement"])
    types = [d.get("type", "") for _, d in A.nodes(data=True)]
    triangles = measures.triangle_balance(A)
    partition = measures.coalitions(A, k)
    free = measures.coalitions(A, None)
    return {
        "statements": len(statements) if M is not None else sum(measures.activity(A, "made").values()),
        "dated_statements": len(dated),
        "actors": sum(t != "Topic" for t in types),
        "topics": sum(t == "Topic" for t in types),
        "edges": A.number_of_edges(),
        "hostile_edges": sum(1 for *_, d in A.edges(data=True) if d.get("hostile")),
        "friendly_edges": sum(1 for *_, d in A.edges(data=True) if d.get("friendly")),
        "balanced_triangles": triangles["balanced"],
        "unbalanced_triangles": triangles["unbalanced"],
        "balance": measures.balance(A),
        "hostile_reciprocity": measures.overall_hostile_reciprocity(A),
        "coalitions": len({c for c in partition.values() if c}),
        "coalitions_by_modularity": len({c for c in free.values() if c}),
        "signed_modularity": measures.signed_modularity(A, partition),
        "polarisation": measures.polarisation(A, partition),
    }


# ---------------------------------------------------------------- the Markdown page


def to_markdown(g: _Input, k: int | None = 2, n: int = 15) -> str:
    """The analysis as one Markdown page: summary, coalitions, actors, targets, pairs, changes.

    Parameters
    ----------
    g : rdflib.Graph or networkx.MultiDiGraph
        The statements.
    k : int or None
        The number of coalitions (see :func:`kg.measures.coalitions`).
    n : int
        The length of each ranking.
    """
    A = _actor_graph(g)
    facts = summary(g, k)
    actors = actor_table(A, k)
    lines = ["# Network analysis", ""]
    lines += _table(
        "Summary",
        ["", "Value"],
        [
            ["Statements", facts["statements"]],
            ["Dated statements", facts["dated_statements"]],
            ["Actors", facts["actors"]],
            ["Topics", facts["topics"]],
            ["Speaker → target pairs", facts["edges"]],
            ["… with hostile statements", facts["hostile_edges"]],
            ["… with friendly statements", facts["friendly_edges"]],
            [
                "Structural balance (balanced / signed triangles)",
                f"{_num(facts['balance'])} ({facts['balanced_triangles']} / "
                f"{facts['balanced_triangles'] + facts['unbalanced_triangles']})",
            ],
            ["Reciprocity of hostility", _num(facts["hostile_reciprocity"])],
            [f"Coalitions (k = {k if k else 'free'})", facts["coalitions"]],
            ["Coalitions modularity alone would choose", facts["coalitions_by_modularity"]],
            ["Signed modularity", _num(facts["signed_modularity"])],
            ["Polarisation (share of disagreement between coalitions)", _num(facts["polarisation"])],
        ],
        ["l", "r"],
    )
    members = coalitions_table(A, k)
    lines += _table(
        "Coalitions",
        ["Coalition", "Members"],
        [
            [c or "none", "; ".join(f"{r.label} ({r.made}/{r.received})" for r in group.itertuples())]
            for c, group in sorted(members.groupby("coalition"), key=lambda cg: (cg[0] == 0, cg[0]))
        ],
        ["r", "l"],
        note="Signed-modularity coalitions on the agreement graph (same stance on the same target, "
        "plus direct friendly or hostile statements). In brackets: statements made / received.",
    )
    top = actors[actors["type"] != "Topic"].head(n)
    lines += _table(
        "Actors",
        [
            "Actor",
            "Type",
            "Coalition",
            "Made",
            "Received",
            "Hostile made",
            "Hostile received",
            "Friendly made",
            "Friendly received",
            "PageRank (hostile)",
            "Betweenness",
            "Hostile reciprocity",
        ],
        [
            [
                r.label,
                r.type,
                r.coalition or "",
                r.made,
                r.received,
                r.hostile_made,
                r.hostile_received,
                r.friendly_made,
                r.friendly_received,
                _num(r.pagerank_hostile),
                _num(r.betweenness),
                _num(r.hostile_reciprocity),
            ]
            for r in top.itertuples()
        ],
        ["l", "l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r"],
        note=f"The {n} most active actors (made + received).",
    )
    contested = contested_targets_table(A).head(n)
    lines += _table(
        "Most contested targets",
        ["Target", "Contestation", "Friendly", "Hostile", "Friendly speakers", "Hostile speakers"],
        [
            [r.label, r.contestation, r.friendly, r.hostile, r.friendly_speakers, r.hostile_speakers]
            for r in contested.itertuples()
        ],
        ["l", "r", "r", "r", "l", "l"],
        note="Targets that receive both friendly and hostile statements.",
    )
    pairs = projection_table(A).head(n)
    lines += _table(
        "Congruence and conflict",
        ["Actor", "Actor", "Congruence", "Conflict", "Agreed targets", "Disputed targets"],
        [
            [r.label_a, r.label_b, r.congruence, r.conflict, r.agreed_targets, r.disputed_targets]
            for r in pairs.itertuples()
        ],
        ["l", "l", "r", "r", "l", "l"],
        note="Pairs of speakers by the number of targets on which they take the same (congruence) "
        "or opposite (conflict) stance.",
    )
    if isinstance(g, Graph) or g.is_multigraph():
        changes = stance_changes_table(g).head(n)
        lines += _table(
            "Stance changes over time",
            ["Speaker", "Target", "Flips", "From", "To", "Sequence"],
            [
                [
                    r.speaker_label,
                    r.target_label,
                    r.flips,
                    f"{r.first_date} ({_sign(r.first_polarity)})",
                    f"{r.last_date} ({_sign(r.last_polarity)})",
                    r.sequence,
                ]
                for r in changes.itertuples()
            ],
            ["l", "l", "r", "l", "l", "l"],
            note=None if facts["dated_statements"] else "No statement has a date.",
        )
    return "\n".join(lines)


# ---------------------------------------------------------------- writing


def write(g: Graph, out_dir: str | Path, k: int | None = 2, n: int = 15) -> dict[str, Path]:
    """Write every output of ``kg analyze`` into ``out_dir``; return ``{name: path}``.

    The files are :data:`OUTPUTS`, plus ``stance_over_time.png`` when
    statements have dates. The GraphML and GEXF files hold the actor graph with
    every column of :func:`actor_table` on its nodes and the scalar attributes
    of its edges (no lists, no missing values), ready for Gephi.
    """
    from . import plots

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    M = _statement_graph(g)
    A = actor_graph(M)
    actors = actor_table(A, k)
    tables = {
        "actors.csv": actors,
        "edges.csv": edge_table(A),
        "coalitions.csv": coalitions_table(A, k),
        "contested_targets.csv": contested_targets_table(A),
        "projections.csv": projection_table(A),
        "stance_changes.csv": stance_changes_table(M),
    }
    paths: dict[str, Path] = {}
    paths["analysis.md"] = out / "analysis.md"
    paths["analysis.md"].write_text(to_markdown(M, k, n), encoding="utf-8")
    for name, df in tables.items():
        paths[name] = out / name
        df.to_csv(paths[name], index=False, lineterminator="\n")
    H = gephi_graph(A, actors)
    paths["actors.graphml"] = out / "actors.graphml"
    nx.write_graphml(H, paths["actors.graphml"])
    paths["actors.gexf"] = out / "actors.gexf"
    paths["actors.gexf"].write_text(_gexf(H), encoding="utf-8")
    figures = {
        "top_actors.png": plots.top_actors(actors, n),
        "hostility_matrix.png": plots.hostility_matrix(A, n),
        "stance_over_time.png": plots.stance_over_time(M),
    }
    for name, fig in figures.items():
        if fig is not None:
            paths[name] = plots.save(fig, out / name)
    return paths


def gephi_graph(A: nx.DiGraph, actors: pd.DataFrame | None = None) -> nx.DiGraph:
    """The actor graph with the measures of :func:`actor_table` on its nodes, scalars only.

    Every node has every attribute, each with one type, and no value is
    missing, so GraphML and GEXF readers (Gephi, networkx) read it back whole.
    """
    actors = actor_table(A) if actors is None else actors
    H = for_graphml(A)
    columns = [c for c in ACTOR_COLUMNS if c != "actor"]
    for row in actors.to_dict("records"):
        H.nodes[row["actor"]].update({c: _plain(row[c]) for c in columns})
    for _, _, d in H.edges(data=True):
        for key in ("weight", "polarity", "hostile", "friendly", "neutral"):
            d[key] = int(d.get(key, 0))
        d["stances"] = str(d.get("stances", ""))
    return H


# ---------------------------------------------------------------- helpers

# networkx stamps GEXF files with today's date; drop it so reruns give the same bytes.
_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


def _gexf(H: nx.Graph) -> str:
    return _GEXF_DATE.sub("", "\n".join(nx.generate_gexf(H))) + "\n"


def _statement_graph(g: Graph | nx.MultiDiGraph) -> nx.MultiDiGraph:
    if isinstance(g, Graph):
        return statement_graph(g)
    if isinstance(g, nx.MultiDiGraph):
        return g
    raise UsageError(f"expected an rdflib.Graph or a statement_graph(), not {type(g).__name__}")


def _actor_graph(g: _Input) -> nx.DiGraph:
    if isinstance(g, nx.DiGraph) and not g.is_multigraph():
        return g
    return actor_graph(_statement_graph(g))


def _rounded(df: pd.DataFrame) -> pd.DataFrame:
    floats = df.select_dtypes("float").columns
    df[floats] = df[floats].round(DECIMALS)
    return df


def _plain(value: Any) -> Any:
    """numpy scalars as Python ones (GraphML and GEXF writers want ``int``, ``float``, ``str``)."""
    return value.item() if hasattr(value, "item") else value


def _num(x: float) -> str:
    return "n/a" if isinstance(x, float) and math.isnan(x) else f"{x:.3f}"


def _sign(p: int) -> str:
    return "friendly" if p > 0 else "hostile" if p < 0 else "neutral"


def _table(
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    align: Sequence[str],
    note: str | None = None,
) -> list[str]:
    lines = [f"## {title}", ""]
    if note:
        lines += [note, ""]
    if not rows:
        return [*lines, "None.", ""]
    rule = {"l": "---", "r": "---:"}
    lines.append("| " + " | ".join(escape(h) for h in header) + " |")
    lines.append("| " + " | ".join(rule[a] for a in align) + " |")
    lines += ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in rows]
    lines.append("")
    return lines
