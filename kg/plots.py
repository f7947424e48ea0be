"""Figures of the network analysis: top actors, the hostility matrix, stance over time.

Each function draws one :class:`matplotlib.figure.Figure` from a table or a
graph and returns it; :func:`save` writes it as a PNG. Figures are built
without ``pyplot``, so no global backend or state is touched and no window is
ever opened (rendering uses matplotlib's Agg canvas); saved files carry no
software stamp, so the same input gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .network import period_of

__all__ = ["COLORS", "hostility_matrix", "save", "stance_over_time", "top_actors"]

#: One colour per polarity, shared by every figure.
COLORS = {"hostile": "#c0392b", "neutral": "#95a5a6", "friendly": "#2e86c1"}
_SIGNS = (("hostile", -1), ("neutral", 0), ("friendly", 1))


def top_actors(actors: pd.DataFrame, n: int = 15) -> Figure:
    """Bars of the statements the ``n`` most active actors made and received, by polarity.

    ``actors`` is :func:`kg.analysis.actor_table`; topics are left out. The
    bars count (statement, target) pairs, like the table's polarity columns: a
    statement about two targets counts twice.
    """
    df = actors[actors["type"] != "Topic"].head(n).iloc[::-1]
    fig = Figure(figsize=(10, 0.45 * max(len(df), 2) + 1.5))
    axes = fig.subplots(1, 2, sharey=True)
    y = np.arange(len(df))
    for ax, side in zip(axes, ("made", "received"), strict=True):
        left = np.zeros(len(df))
        for name, _ in _SIGNS:
            values = df[f"{name}_{side}"].to_numpy(dtype=float)
            ax.barh(y, values, left=left, color=COLORS[name], label=name)
            left += values
        ax.set_title(f"Statements {side}")
        ax.set_xlabel("statements (one per target)")
        ax.xaxis.get_major_locator().set_params(integer=True)
    axes[0].set_yticks(y, df["label"].tolist())
    axes[1].legend(loc="lower right", frameon=False)
    fig.suptitle("Most active actors")
    fig.tight_layout()
    return fig


def hostility_matrix(A: nx.DiGraph, n: int = 15) -> Figure:
    """A heatmap of hostile statements, speakers (rows) by targets (columns).

    The ``n`` speakers who made and the ``n`` nodes that received the most
    hostile statements; each cell shows its count.
    """
    made: dict[str, int] = {}
    received: dict[str, int] = {}
    for u, v, d in A.edges(data=True):
        h = int(d.get("hostile", 0))
        if h:
            made[u] = made.get(u, 0) + h
            received[v] = received.get(v, 0) + h

    def label(node: str) -> str:
        return str(A.nodes[node].get("label", node))

    def top(counts: dict[str, int]) -> list[str]:
        return sorted(counts, key=lambda x: (-counts[x], label(x), x))[:n]

    rows, cols = top(made), top(received)
    matrix = np.array(
        [[int(A.edges[u, v].get("hostile", 0)) if A.has_edge(u, v) else 0 for v in cols] for u in rows]
    ).reshape(len(rows), len(cols))
    fig = Figure(figsize=(1.0 + 0.55 * max(len(cols), 4), 1.5 + 0.45 * max(len(rows), 3)))
    ax = fig.subplots()
    if matrix.size:
        image = ax.imshow(matrix, cmap="Reds", vmin=0, aspect="auto")
        for (i, j), count in np.ndenumerate(matrix):
            if count:
                dark = count > matrix.max() / 2
                ax.text(j, i, str(count), ha="center", va="center", color="white" if dark else "black")
        ax.set_xticks(range(len(cols)), [label(c) for c in cols], rotation=45, ha="right")
        ax.set_yticks(range(len(rows)), [label(r) for r in rows])
        fig.colorbar(image, ax=ax, label="hostile statements")
    else:
        ax.text(0.5, 0.5, "No hostile statements", ha="center", va="center")
        ax.set_axis_off()
    ax.set_xlabel("target")
    ax.set_ylabel("speaker")
    ax.set_title("Hostility: who attacks whom")
    fig.tight_layout()
    return fig


def stance_over_time(M: nx.MultiDiGraph, freq: str = "month") -> Figure | None:
    """Stacked bars of dated statements per period, by polarity; ``None`` when none is dated.

    A statement with several targets counts once.
    """
    seen: dict[str, tuple[str, int]] = {}
    for _, _, key, d in M.edges(keys=True, data=True):
        if d.get("date"):
            seen[key] = (d["date"], int(d.get("polarity", 0)))
    for e in M.graph.get("untargeted", ()):
        if e.get("date"):
            seen[e["statement"]] = (e["date"], int(e.get("polarity", 0)))
    counts: dict[str, dict[int, int]] = {}
    for date, polarity in seen.values():
        period = period_of(date, freq)
        if period:
            counts.setdefault(period, dict.fromkeys((-1, 0, 1), 0))[polarity] += 1
    if not counts:
        return None
    periods = sorted(counts)
    fig = Figure(figsize=(max(6.0, 0.6 * len(periods) + 2), 4))
    ax = fig.subplots()
    x = np.arange(len(periods))
    bottom = np.zeros(len(periods))
    for name, sign in _SIGNS:
        values = np.array([counts[p][sign] for p in periods], dtype=float)
        ax.bar(x, values, bottom=bottom, color=COLORS[name], label=name)
        bottom += values
    ax.set_xticks(x, periods, rotation=45, ha="right")
    ax.set_ylabel("statements")
    ax.set_title(f"Stance over time (per {freq})")
    ax.legend(frameon=False)
    fig.tight_layout()
    return fig


def save(fig: Figure, path: str | Path, dpi: int = 120) -> Path:
    """Write ``fig`` as a PNG without a software stamp, so reruns give the same bytes."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(p, format="png", dpi=dpi, metadata={"Software": None})
    return p
