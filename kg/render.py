"""networkx actor graph -> one self-contained, interactive HTML page.

The page is what an analyst opens first: actors as nodes (size = statements made
plus received, colour = actor type or coalition, shape = actor type), statements
as directed edges (colour = polarity, width = number of statements). Hovering
shows who said what, where; controls filter by stance, actor and weight, and a
search box finds an actor.

The page works offline and talks to no host: vis-network's script and style
sheet (shipped inside the pyvis package) are inlined, and nothing else is
loaded. It is built from our own template (``kg/templates/actor_network.*``)
rather than pyvis's, because pyvis's page links Bootstrap and other CDN files
and inserts its heading unescaped. The node and edge records use vis-network's
field names, as pyvis would write them.

Article text is untrusted. It reaches the page only as JSON in a
``<script type="application/json">`` block (with ``<``, ``>``, ``&``, U+2028
and U+2029 escaped) and is put into the document with ``textContent``; the page
title is HTML-escaped; a Content-Security-Policy allows only the page's own
inline scripts, by hash.

Rendering only styles and writes: the graph is never changed, and the same
graph gives byte-identical HTML (sorted nodes, edges and statements; a fixed
layout seed; no timestamps).

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("urn:a", label="Alice Doe", type="Person", made=1, received=0)
>>> G.add_node("urn:b", label="Bobland", type="Country", made=0, received=1)
>>> G.add_edge("urn:a", "urn:b", weight=1, polarity=-1, hostile=1, friendly=0, neutral=0,
...            stances="accuse:1", statements=[])
>>> page = build_page(G, title="Demo")
>>> page.startswith("<!DOCTYPE html>") and "<title>Demo</title>" in page
True
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import logging
import math
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
import numpy as np
from markupsafe import Markup

from .errors import KGError, UsageError
from .records import Stance

__all__ = ["build_page", "to_html", "trim"]

logger = logging.getLogger(__name__)

# Package data, located from this file so that it is found however ``kg`` was installed.
_TEMPLATES = Path(__file__).with_name("templates")

#: Above this many actors, positions are computed in Python and physics is off.
LAYOUT_THRESHOLD = 500
#: Of those, the most active actors laid out by force; the others are placed around them.
LAYOUT_CORE = 400
#: Distance in pixels between the actors placed around the same actors (see ``_place_around``).
LEAF_SPACING = 26.0
#: Actors placed closer than this many pixels are pushed apart (see ``_spread``).
MIN_DISTANCE = 30.0
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
#: Seed of every layout, in Python and in the browser: reruns give the same picture.
LAYOUT_SEED = 7

#: Actor type -> (colour, vis-network shape). Node colours avoid the edge red/green.
TYPE_STYLE: dict[str, tuple[str, str]] = {
    "Person": ("#4e79a7", "dot"),
    "Organization": ("#f28e2b", "square"),
    "Country": ("#b07aa1", "diamond"),
    "Group": ("#76b7b2", "triangle"),
    "Topic": ("#edc948", "star"),
}
OTHER_STYLE = ("#bab0ac", "dot")
#: Colours given to coalitions in sorted order (cycled when there are more).
COALITION_PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#b07aa1",
    "#76b7b2",
    "#edc948",
    "#9c755f",
    "#ff9da7",
    "#17becf",
    "#bcbd22",
    "#8c564b",
)
NO_COALITION_COLOUR = "#d9d9d9"
POLARITY_COLOUR = {"hostile": "#d62728", "friendly": "#2ca02c", "neutral": "#8c8c8c"}

#: Labels longer than this are shortened on the canvas (the tooltip has them whole).
LABEL_MAX = 32
NODE_SIZE = (10.0, 40.0)
#: Smaller nodes when the layout is computed in Python (large graphs).
NODE_SIZE_LARGE = (6.0, 24.0)
EDGE_WIDTH = (1.5, 8.0)
UNSPECIFIED_STANCE = "unspecified"

_STATEMENT_TEXT = ("iri", "doc", "stance", "cue", "kind", "quote", "evidence")
_STATEMENT_INT = ("start", "end")
# Characters that must not appear raw in JSON inside <script>: they could close the
# element, open a comment, or (U+2028/2029) end a line in older JavaScript parsers.
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def to_html(
    G: nx.DiGraph,
    path: str | PathLike[str],
    *,
    title: str = "Actor network",
    top_n: int | None = None,
    min_weight: int = 1,
) -> Path:
    """Write the interactive page for the actor graph ``G`` to ``path``; return the path.

    ``G`` is an actor graph as ``kg.network.actor_graph`` makes it (nodes: ``label``,
    ``type``, ``role``, ``affiliation``, ``made``, ``received`` and optionally
    ``coalition``; edges speaker -> target: ``weight``, ``polarity``, ``hostile``,
    ``friendly``, ``neutral``, ``stances``, ``statements``). ``top_n`` keeps the
    most active actors and ``min_weight`` drops edges with fewer statements (see
    :func:`trim`). Missing parent folders are created.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = to_html(nx.DiGraph(), Path(tmp) / "empty.html")
    ...     "There are no statements to show" in out.read_text(encoding="utf-8")
    True
    """
    page = build_page(G, title=title, top_n=top_n, min_weight=min_weight)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8", newline="\n")
    logger.info("wrote %s (%d characters)", out, len(page))
    return out


def build_page(
    G: nx.DiGraph,
    *,
    title: str = "Actor network",
    top_n: int | None = None,
    min_weight: int = 1,
) -> str:
    """Return the page :func:`to_html` writes, as a string."""
    H = trim(G, top_n=top_n, min_weight=min_weight)
    data = _page_data(H)
    message = _empty_message(G, top_n=top_n, min_weight=min_weight) if len(H) == 0 else ""
    vis_js, vis_css = _vis_assets()
    app_js, app_css = _app_assets()
    csp = "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(_csp_hash(script) for script in (vis_js, app_js)),
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    template = _environment().get_template("actor_network.html")
    return template.render(
        title=str(title),
        csp=Markup(csp),  # only fixed words and base64 hashes: nothing to escape
        message=message,
        min_weight=min_weight,
        polarity_colour=POLARITY_COLOUR,
        vis_css=Markup(vis_css),
        app_css=Markup(app_css),
        vis_js=Markup(vis_js),
        app_js=Markup(app_js),
        data_json=Markup(_script_json(data)),
    )


def trim(G: nx.DiGraph, *, top_n: int | None = None, min_weight: int = 1) -> nx.DiGraph:
    """Return the part of ``G`` worth drawing; ``G`` itself is not changed.

    ``top_n`` keeps the ``top_n`` most active actors (statements made plus received;
    ties broken by label, then id) and the edges among them. ``min_weight`` then
    drops edges with fewer statements, and with them the actors left without any
    edge (actors that had no edge to begin with stay).

    >>> G = nx.DiGraph()
    >>> G.add_nodes_from([("a", {"made": 5}), ("b", {"received": 3}), ("c", {"made": 1})])
    >>> G.add_edge("a", "b", weight=3)
    >>> G.add_edge("c", "b", weight=1)
    >>> sorted(trim(G, top_n=2))
    ['a', 'b']
    >>> sorted(trim(G, min_weight=2).edges)
    [('a', 'b')]
    """
    if top_n is not None and (isinstance(top_n, bool) or not isinstance(top_n, int) or top_n < 1):
        raise UsageError(f"top_n must be a positive integer or None, not {top_n!r}")
    if isinstance(min_weight, bool) or not isinstance(min_weight, int) or min_weight < 1:
        raise UsageError(f"min_weight must be an integer >= 1, not {min_weight!r}")
    keep = list(G.nodes)
    if top_n is not None and top_n < len(keep):
        keep = sorted(keep, key=lambda n: (-_activity(G.nodes[n]), _label(n, G.nodes[n]), str(n)))[:top_n]
    H = G.subgraph(keep).copy()
    if min_weight > 1:
        had_edges = {n for n in H if H.degree(n) > 0}
        H.remove_edges_from([(u, v) for u, v, w in H.edges(data="weight", default=1) if _int(w) < min_weight])
        H.remove_nodes_from([n for n in had_edges if H.degree(n) == 0])
    return H


# -- page data ------------------------------------------------------------------------


def _page_data(H: nx.DiGraph) -> dict[str, Any]:
    """Everything the page's script needs, as plain JSON-able values in a fixed order."""
    node_ids = sorted(H.nodes, key=str)
    positions = _positions(H, node_ids) if len(node_ids) > LAYOUT_THRESHOLD else None
    coalitions = sorted({c for n in node_ids if (c := _text(H.nodes[n].get("coalition")))})
    coalition_colour = {c: COALITION_PALETTE[i % len(COALITION_PALETTE)] for i, c in enumerate(coalitions)}
    max_activity = max((_activity(H.nodes[n]) for n in node_ids), default=0)
    nodes = [
        _node_item(n, H.nodes[n], max_activity, coalition_colour, positions[n] if positions else None)
        for n in node_ids
    ]
    edge_keys = sorted(H.edges, key=lambda e: (str(e[0]), str(e[1])))
    edges = [_edge_item(i, u, v, H.edges[u, v]) for i, (u, v) in enumerate(edge_keys)]
    max_weight = max((e["weight"] for e in edges), default=1)
    for e in edges:
        e["width"] = _edge_width(e["weight"], max_weight)
    stances = sorted({s for e in edges for s in e["stanceCounts"]}, key=_stance_order)
    return {
        "nodes": nodes,
        "edges": edges,
        "maxWeight": max_weight,
        "edgeWidth": list(EDGE_WIDTH),
        "polarityColour": POLARITY_COLOUR,
        "stances": [{"name": s, "polarity": _stance_polarity(s)} for s in stances],
        "legend": _legend(nodes, coalition_colour),
        "positioned": positions is not None,
        "options": _vis_options(len(nodes), physics=positions is None),
    }


def _legend(nodes: list[dict[str, Any]], coalition_colour: Mapping[str, str]) -> dict[str, Any]:
    types = sorted({n["type"] for n in nodes}, key=_type_order)
    by_type = [{"name": t or "other", "colour": _type_style(t)[0], "shape": _type_style(t)[1]} for t in types]
    by_coalition = [{"name": c, "colour": colour} for c, colour in coalition_colour.items()]
    if by_coalition and any(not n["coalition"] for n in nodes):
        by_coalition.append({"name": "no coalition", "colour": NO_COALITION_COLOUR})
    return {"type": by_type, "coalition": by_coalition}


def _node_item(
    node: Any,
    attrs: Mapping[str, Any],
    max_activity: int,
    coalition_colour: Mapping[str, str],
    position: tuple[int, int] | None,
) -> dict[str, Any]:
    label = _label(node, attrs)
    actor_type = _text(attrs.get("type"))
    colour, shape = _type_style(actor_type)
    coalition = _text(attrs.get("coalition"))
    activity = _activity(attrs)
    low, high = NODE_SIZE if position is None else NODE_SIZE_LARGE
    share = math.sqrt(activity / max_activity) if max_activity else 0.0
    item: dict[str, Any] = {
        "id": str(node),
        "label": label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1].rstrip() + "\u2026",
        "name": label,
        "type": actor_type,
        "role": _text(attrs.get("role")),
        "affiliation": _text(attrs.get("affiliation")),
        "coalition": coalition,
        "made": _int(attrs.get("made")),
        "received": _int(attrs.get("received")),
        "shape": shape,
        "size": round(low + (high - low) * share, 1),
        "typeColour": colour,
        "coalitionColour": coalition_colour.get(coalition, NO_COALITION_COLOUR),
    }
    if position is not None:
        item["x"], item["y"] = position
    return item


def _edge_item(index: int, u: Any, v: Any, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The vis-network edge for ``u -> v``; its ``width`` is set once all weights are known."""
    statements = sorted(
        (_statement(s) for s in attrs.get("statements") or () if isinstance(s, Mapping)),
        key=lambda s: (s["doc"], s["start"], s["end"], s["stance"], s["iri"]),
    )
    # The "stances" summary counts every statement; the list may have been shortened.
    stance_counts = _parse_stances(_text(attrs.get("stances"))) or Counter(
        s["stance"] or UNSPECIFIED_STANCE for s in statements
    )
    weight = _edge_weight(attrs) or sum(stance_counts.values())
    if not stance_counts:
        stance_counts = Counter({UNSPECIFIED_STANCE: weight})
    polarity = _int(attrs.get("polarity"))
    return {
        "id": f"e{index}",
        "from": str(u),
        "to": str(v),
        "weight": weight,
        "polarity": polarity,
        "hostile": _int(attrs.get("hostile")),
        "friendly": _int(attrs.get("friendly")),
        "neutral": _int(attrs.get("neutral")),
        "stances": _text(attrs.get("stances"))
        or "; ".join(f"{s}:{n}" for s, n in stance_counts.most_common()),
        "stanceCounts": dict(sorted(stance_counts.items())),
        "statements": statements,
        "color": _edge_colour(polarity),
    }


def _statement(raw: Mapping[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {key: _text(raw.get(key)) for key in _STATEMENT_TEXT}
    record.update({key: _int(raw.get(key)) for key in _STATEMENT_INT})
    return record


def _parse_stances(text: str) -> Counter[str]:
    """``"accuse:2; criticize:1"`` -> ``Counter({"accuse": 2, "criticize": 1})``."""
    counts: Counter[str] = Counter()
    for part in text.split(";"):
        name, _, number = part.strip().rpartition(":")
        if name.strip():
            counts[name.strip()] += _int(number) or 1
    return counts


def _edge_width(weight: int, max_weight: int) -> float:
    # The page's script uses the same formula when filters change an edge's count.
    low, high = EDGE_WIDTH
    if max_weight <= 1:
        return low
    return round(low + (high - low) * math.sqrt(max(weight - 1, 0) / (max_weight - 1)), 2)


def _edge_colour(polarity: int) -> dict[str, Any]:
    tone = "hostile" if polarity < 0 else "friendly" if polarity > 0 else "neutral"
    colour = POLARITY_COLOUR[tone]
    return {"color": colour, "highlight": colour, "hover": colour, "opacity": 0.85}


def _vis_options(n_nodes: int, *, physics: bool) -> dict[str, Any]:
    """vis-network options; physics stabilises once and is then switched off by the page."""
    return {
        "autoResize": True,
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": n_nodes <= 100},
        "nodes": {
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
            "font": {
                "size": 15,
                "face": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
                "color": "#1f1f1f",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
            },
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15} if physics else False,
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -90,
                "centralGravity": 0.01,
                "springLength": 130,
                "springConstant": 0.05,
                "avoidOverlap": 0.6,
            },
            "stabilization": {"enabled": physics, "iterations": 600, "updateInterval": 25, "fit": True},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": not physics,
            "navigationButtons": False,
            "keyboard": False,
        },
    }


def _positions(H: nx.DiGraph, node_ids: list[Any]) -> dict[Any, tuple[int, int]]:
    """Fixed-seed layout in pixels, for graphs too large for in-browser physics.

    A force-directed layout of every actor costs time quadratic in the number of
    actors (``nx.spring_layout`` took 19 s for 2,200 actors, 95 % of writing the
    page; ``benchmarks/page.py``). News networks are dominated by a few actors, so
    only the :data:`LAYOUT_CORE` most active actors are laid out by force
    (``nx.spring_layout`` below 500 nodes: NumPy only, under a second); every
    other actor is placed around the actors it is linked to (see
    :func:`_place_around`), which takes time linear in the number of links.

    >>> G = nx.path_graph(4, create_using=nx.DiGraph)
    >>> sorted(_positions(G, list(G)).items())  # doctest: +NORMALIZE_WHITESPACE
    [(0, (-94, 140)), (1, (-33, 50)), (2, (34, -50)), (3, (94, -140))]
    """
    U = nx.Graph()
    U.add_nodes_from(str(n) for n in node_ids)
    U.add_edges_from(sorted((str(u), str(v)) for u, v in H.edges if u != v))
    order = sorted(U, key=lambda n: (-_activity(_attrs_by_str(H, n)), n))
    core = order[:LAYOUT_CORE]
    scale = 70.0 * math.sqrt(len(U))  # roughly a 140-pixel square per actor
    # A graph of its own, not U.subgraph(core): a subgraph lists its nodes in the order of a
    # set, which changes with the hash seed, and spring_layout's start depends on that order.
    C = nx.Graph()
    C.add_nodes_from(core)
    C.add_edges_from(sorted(tuple(sorted(e)) for e in U.subgraph(core).edges))
    raw = nx.spring_layout(C, seed=LAYOUT_SEED)
    placed = {n: (float(raw[n][0]) * scale, float(raw[n][1]) * scale) for n in core}
    _place_around(U, order[len(core) :], placed)
    names = list(placed)
    points = _spread(np.array([placed[n] for n in names], dtype=float))
    at = {n: (round(float(x)), round(float(y))) for n, (x, y) in zip(names, points, strict=True)}
    return {n: at[str(n)] for n in node_ids}


def _place_around(U: nx.Graph, rest: list[str], placed: dict[str, tuple[float, float]]) -> None:
    """Place the actors ``rest`` (most active first) around their placed neighbours.

    An actor goes to the centre of its already placed neighbours; the actors that
    share the same placed neighbours are spread around that centre on a sunflower
    spiral (the k-th at radius ``LEAF_SPACING * sqrt(k + 2)``, turned by the golden
    angle), so that none lands on another and a hub's leaves form a disc around it.
    Components with no placed actor are started on a ring outside the picture.
    Deterministic: no randomness, and a fixed order.
    """
    slots: dict[tuple[str, ...], int] = {}
    pending = rest
    while pending:
        waiting = []
        for n in pending:
            near = tuple(m for m in sorted(U[n]) if m in placed)
            if not near:
                waiting.append(n)
                continue
            k = slots.get(near, 0)
            slots[near] = k + 1
            x = sum(placed[m][0] for m in near) / len(near)
            y = sum(placed[m][1] for m in near) / len(near)
            radius = LEAF_SPACING * math.sqrt(k + 2)
            angle = k * GOLDEN_ANGLE
            placed[n] = (x + radius * math.cos(angle), y + radius * math.sin(angle))
        if len(waiting) == len(pending):
            _start_components(U, waiting, placed)
            waiting = [n for n in waiting if n not in placed]
        pending = waiting


def _spread(points: np.ndarray, rounds: int = 50) -> np.ndarray:
    """Push apart the points closer than :data:`MIN_DISTANCE`; return the new points.

    Placing actors at the centre of their neighbours piles up those that share
    hubs; a few rounds of pushing each close pair apart (found with a k-d tree, so
    each round is about linear) clears most of the pile without moving the rest.
    """
    from scipy.spatial import cKDTree

    points = points.copy()
    # A fixed direction per point for pairs that sit on exactly the same spot.
    fallback = np.arange(len(points)) * GOLDEN_ANGLE
    for _ in range(rounds):
        pairs = cKDTree(points).query_pairs(MIN_DISTANCE, output_type="ndarray")
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = points[i] - points[j]
        distance = np.hypot(delta[:, 0], delta[:, 1])
        same = distance < 1e-9
        delta[same] = np.column_stack([np.cos(fallback[i[same]]), np.sin(fallback[i[same]])])
        distance[same] = 1.0
        push = delta * ((MIN_DISTANCE - distance) / (2 * distance))[:, None]
        move = np.zeros_like(points)
        np.add.at(move, i, push)
        np.add.at(move, j, -push)
        points += move
    return points


def _start_components(U: nx.Graph, waiting: list[str], placed: dict[str, tuple[float, float]]) -> None:
    """Put the most active actor of each unplaced component on a ring around the picture."""
    rank = {n: i for i, n in enumerate(waiting)}
    firsts = sorted(
        (min(c, key=rank.__getitem__) for c in nx.connected_components(U.subgraph(waiting))),
        key=rank.__getitem__,
    )
    extent = max((math.hypot(x, y) for x, y in placed.values()), default=0.0)
    radius = max(extent + 4 * LEAF_SPACING, len(firsts) * 3 * LEAF_SPACING / (2 * math.pi))
    for i, n in enumerate(firsts):
        angle = 2 * math.pi * i / len(firsts)
        placed[n] = (radius * math.cos(angle), radius * math.sin(angle))


def _attrs_by_str(H: nx.DiGraph, name: str) -> Mapping[str, Any]:
    return H.nodes[name] if name in H else {}


def _empty_message(G: nx.DiGraph, *, top_n: int | None, min_weight: int) -> str:
    message = "There are no statements to show."
    if len(G):
        limits = ", ".join(([f"top_n={top_n}"] if top_n is not None else []) + [f"min_weight={min_weight}"])
        message += f" The graph has {len(G)} actors, but none pass the filter ({limits})."
    return message


# -- values ---------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _label(node: Any, attrs: Mapping[str, Any]) -> str:
    return _text(attrs.get("label")) or str(node)


def _activity(attrs: Mapping[str, Any]) -> int:
    return _int(attrs.get("made")) + _int(attrs.get("received"))


def _edge_weight(attrs: Mapping[str, Any]) -> int:
    return _int(attrs.get("weight"))


def _type_style(actor_type: str) -> tuple[str, str]:
    return TYPE_STYLE.get(actor_type, OTHER_STYLE)


def _type_order(actor_type: str) -> tuple[int, str]:
    order = list(TYPE_STYLE)
    return (order.index(actor_type) if actor_type in order else len(order), actor_type)


def _stance_polarity(name: str) -> int:
    try:
        return Stance(name).polarity
    except ValueError:
        return 0


def _stance_order(name: str) -> tuple[int, str]:
    # Hostile stances first, then neutral, then friendly: the order analysts scan in.
    return (_stance_polarity(name), name)


# -- assets and encoding --------------------------------------------------------------


def _script_json(data: Any) -> str:
    """JSON that is safe inside ``<script>``: no ``</script>``, ``<!--`` or raw U+2028/2029.

    >>> _script_json({"q": "</script><b>&"})
    '{"q":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    for raw, escaped in _JSON_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and style sheet from the installed pyvis package.

    The package is found, not imported: importing pyvis imports IPython and
    jinja templates of its own, a second that writing a page does not need.
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise KGError("the pyvis package is not installed: it ships vis-network (pip install pyvis)")
    lib = Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # The source map comment points at a file that is not shipped; drop it.
    # (Split on "\n" only: the minified code holds other line-break characters in strings.)
    js = "\n".join(line for line in js.split("\n") if not line.startswith("//# sourceMappingURL="))
    _check_inline(js, "</script", "vis-network.min.js")
    _check_inline(css, "</style", "vis-network.css")
    return js, css


@lru_cache(maxsize=1)
def _app_assets() -> tuple[str, str]:
    js = (_TEMPLATES / "actor_network.js").read_text(encoding="utf-8")
    css = (_TEMPLATES / "actor_network.css").read_text(encoding="utf-8")
    _check_inline(js, "</script", "actor_network.js")
    _check_inline(css, "</style", "actor_network.css")
    return js, css


def _check_inline(text: str, closing: str, name: str) -> None:
    lowered = text.lower()
    for bad in (closing, "<!--"):
        if bad in lowered:
            raise KGError(f"{name} cannot be inlined: it contains {bad!r}")
