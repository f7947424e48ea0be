"""kg.render: the actor network page, checked as text (no browser)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import UsageError
from kg.render import LAYOUT_THRESHOLD, build_page, to_html, trim


class PageParser(HTMLParser):
    """Collects every tag with its attributes and the text of every <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: tuple[dict[str, str | None], list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = (dict(attrs), [])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None


def parse(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


def page_data(page: str) -> dict:
    """The JSON the page's script reads, decoded as the browser would."""
    (text,) = [body for attrs, body in parse(page).scripts if attrs.get("type") == "application/json"]
    return json.loads(text)


def csp_of(page: str) -> str:
    metas = [
        a for t, a in parse(page).tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert len(metas) == 1
    return metas[0]["content"] or ""


# -- self-contained and safe ---------------------------------------------------------------


URL_ATTRIBUTES = ("src", "href", "srcset", "action", "formaction", "data", "poster", "background")


def test_page_loads_nothing_from_a_network_host(news_actor_graph: nx.DiGraph) -> None:
    tags = parse(build_page(news_actor_graph)).tags
    urls = [
        (tag, name, value) for tag, attrs in tags for name, value in attrs.items() if name in URL_ATTRIBUTES
    ]
    remote = [u for u in urls if re.match(r"\s*(https?:)?//", u[2] or "", re.I)]
    assert remote == []
    # Stricter still: everything is inline, so nothing is linked at all.
    assert urls == []
    assert not any(tag in ("link", "img", "iframe", "object", "embed", "base") for tag, _ in tags)


def test_vis_network_is_inlined_without_its_source_map(news_actor_graph: nx.DiGraph) -> None:
    page = build_page(news_actor_graph)
    assert "vis-network" in page and "sourceMappingURL" not in page
    for remote in ("bootstrap.min", "cdnjs.cloudflare.com", "cdn.jsdelivr.net", "unpkg.com"):
        assert remote not in page


def test_csp_allows_exactly_the_pages_own_scripts(news_actor_graph: nx.DiGraph) -> None:
    page = build_page(news_actor_graph)
    csp = csp_of(page)
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["style-src"] == "'unsafe-inline'"
    assert directives["img-src"] == "data:"
    executable = [body for attrs, body in parse(page).scripts if attrs.get("type") != "application/json"]
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in executable
    }
    assert len(executable) == 2  # vis-network, then the page's own script
    assert set(directives["script-src"].split()) == hashes
    # The policy comes before any script, or it would not cover them.
    assert page.index("Content-Security-Policy") < page.index("<script")


def test_data_counts_equal_the_graphs(news_actor_graph: nx.DiGraph) -> None:
    data = page_data(build_page(news_actor_graph))
    assert len(data["nodes"]) == news_actor_graph.number_of_nodes() == 12
    assert len(data["edges"]) == news_actor_graph.number_of_edges() == 14
    assert sum(len(e["statements"]) for e in data["edges"]) == 16
    assert {n["id"] for n in data["nodes"]} == set(news_actor_graph.nodes)
    assert {(e["from"], e["to"]) for e in data["edges"]} == set(news_actor_graph.edges)


def test_the_page_keeps_pyvis_globals() -> None:
    page = build_page(nx.DiGraph())
    assert "\nvar network = new vis.Network(" in page
    assert "\nvar nodes = new vis.DataSet(" in page and "\nvar edges = new vis.DataSet(" in page
    assert "network.setOptions({ physics: false })" in page
    assert "stabilizationIterationsDone" in page


def test_the_page_script_never_writes_html() -> None:
    script = (Path(__file__).parents[1] / "kg" / "templates" / "actor_network.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script


def test_injected_markup_appears_only_escaped(
    hostile_actor_graph: nx.DiGraph, injection_payloads: dict[str, str]
) -> None:
    title = "Actors </title><script>window.__pwned = 7</script>"
    page = build_page(hostile_actor_graph, title=title)
    for payload in injection_payloads.values():
        assert payload not in page
    for raw in ("<script>window", "<img src=x", "<svg onload", "<b onmouseover", "<i>Evil", "\u2028"):
        assert raw not in page
    assert "\\u003c/script\\u003e\\u003cscript\\u003ewindow.__pwned = 1\\u003c/script\\u003e" in page
    assert "<title>Actors &lt;/title&gt;&lt;script&gt;window.__pwned = 7&lt;/script&gt;</title>" in page
    parsed = parse(page)
    assert [t for t, _ in parsed.tags].count("script") == 3
    assert not any(t in ("img", "svg", "b", "i") for t, _ in parsed.tags)
    # Escaped, not lost: the page's script gets back exactly what the article said.
    data = page_data(page)
    statement = data["edges"][1]["statements"][0]
    assert statement["quote"] == injection_payloads["quote"]
    assert statement["evidence"] == injection_payloads["evidence"]
    assert statement["cue"] == injection_payloads["cue"]
    assert statement["doc"] == injection_payloads["doc"]
    mallory = next(n for n in data["nodes"] if n["id"] == "urn:actor:mallory")
    assert mallory["name"] == injection_payloads["label"]
    assert mallory["role"] == injection_payloads["role"]


# -- deterministic -------------------------------------------------------------------------


def test_same_graph_same_bytes(news_actor_graph: nx.DiGraph, tmp_path: Path) -> None:
    first = to_html(news_actor_graph, tmp_path / "a.html").read_bytes()
    second = to_html(news_actor_graph, tmp_path / "b.html").read_bytes()
    assert first == second


def test_insertion_order_does_not_matter(news_actor_graph: nx.DiGraph) -> None:
    shuffled = nx.DiGraph()
    shuffled.add_nodes_from(sorted(news_actor_graph.nodes(data=True), reverse=True))
    for u, v, attrs in sorted(news_actor_graph.edges(data=True), reverse=True):
        shuffled.add_edge(u, v, **{**attrs, "statements": list(reversed(attrs["statements"]))})
    assert build_page(shuffled) == build_page(news_actor_graph)


def test_rendering_does_not_change_the_graph(news_actor_graph: nx.DiGraph) -> None:
    before = nx.node_link_data(news_actor_graph, edges="links")
    build_page(news_actor_graph, top_n=3, min_weight=2)
    assert nx.node_link_data(news_actor_graph, edges="links") == before


# -- styling -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "speaker", "target", "colour"),
    [
        ("hostile", "mara", "osterlich", "#d62728"),
        ("friendly", "ivo", "elbonia", "#2ca02c"),
        ("neutral", "lena", "port", "#8c8c8c"),
    ],
)
def test_edge_colour_follows_polarity(
    news_actor_graph: nx.DiGraph, case: str, speaker: str, target: str, colour: str
) -> None:
    edges = {(e["from"], e["to"]): e for e in page_data(build_page(news_actor_graph))["edges"]}
    assert edges[f"urn:actor:{speaker}", f"urn:actor:{target}"]["color"]["color"] == colour


def test_size_and_width_grow_with_counts(news_actor_graph: nx.DiGraph) -> None:
    data = page_data(build_page(news_actor_graph))
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    widths = {(e["from"], e["to"]): e["width"] for e in data["edges"]}
    assert sizes["urn:actor:ruritania"] > sizes["urn:actor:lena"]  # 5 statements against 1
    assert widths["urn:actor:mara", "urn:actor:osterlich"] > widths["urn:actor:ivo", "urn:actor:rebels"]


def test_stances_and_coalitions_reach_the_controls(news_actor_graph: nx.DiGraph) -> None:
    data = page_data(build_page(news_actor_graph))
    stances = [(s["name"], s["polarity"]) for s in data["stances"]]
    assert stances == [
        ("accuse", -1), ("criticize", -1), ("threaten", -1), ("warn", -1), ("claim", 0), ("support", 1)
    ]  # fmt: skip
    assert [c["name"] for c in data["legend"]["coalition"]] == ["North Pact", "South Bloc", "no coalition"]
    types = [t["name"] for t in data["legend"]["type"]]
    assert types == ["Person", "Organization", "Country", "Group", "Topic"]
    (mara,) = [e for e in data["edges"] if (e["from"], e["to"]) == ("urn:actor:mara", "urn:actor:osterlich")]
    assert mara["stanceCounts"] == {"accuse": 1, "criticize": 1, "warn": 1}


def test_no_coalition_attribute_no_coalition_legend(hostile_actor_graph: nx.DiGraph) -> None:
    for node in hostile_actor_graph:
        hostile_actor_graph.nodes[node].pop("coalition", None)
    assert page_data(build_page(hostile_actor_graph))["legend"]["coalition"] == []


# -- large graphs, filters and empty pages ------------------------------------------------------


def test_top_n_keeps_the_most_active_actors(news_actor_graph: nx.DiGraph) -> None:
    # Statements made + received: Osterlich 1 + 5, Ruritania 1 + 4, Mara Kessler 4 + 0, Ivo Brandt 3 + 0, ...
    H = trim(news_actor_graph, top_n=3)
    assert sorted(H) == ["urn:actor:mara", "urn:actor:osterlich", "urn:actor:ruritania"]
    assert sorted(H.edges) == [
        ("urn:actor:mara", "urn:actor:osterlich"),
        ("urn:actor:osterlich", "urn:actor:ruritania"),
    ]
    assert len(page_data(build_page(news_actor_graph, top_n=3))["nodes"]) == 3


def test_min_weight_drops_weak_edges_and_the_actors_they_leave_alone(news_actor_graph: nx.DiGraph) -> None:
    data = page_data(build_page(news_actor_graph, min_weight=2))
    assert [(e["from"], e["to"]) for e in data["edges"]] == [("urn:actor:mara", "urn:actor:osterlich")]
    assert [n["id"] for n in data["nodes"]] == ["urn:actor:mara", "urn:actor:osterlich"]
    assert 'value="2"' in build_page(news_actor_graph, min_weight=2)  # the page's own filter starts there


@pytest.mark.parametrize(
    ("case", "options"),
    [
        ("top_n zero", {"top_n": 0}),
        ("top_n text", {"top_n": "5"}),
        ("min_weight zero", {"min_weight": 0}),
        ("min_weight float", {"min_weight": 1.5}),
    ],
)
def test_bad_limits_are_usage_errors(news_actor_graph: nx.DiGraph, case: str, options: dict) -> None:
    with pytest.raises(UsageError, match="must be"):
        build_page(news_actor_graph, **options)


def test_empty_graph_gives_a_page_that_says_so(tmp_path: Path) -> None:
    page = to_html(nx.DiGraph(), tmp_path / "nested" / "empty.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert '<p id="kg-empty">There are no statements to show.</p>' in page
    data = page_data(page)
    assert data["nodes"] == [] and data["edges"] == []


def test_everything_filtered_out_says_why(news_actor_graph: nx.DiGraph) -> None:
    page = build_page(news_actor_graph, min_weight=9)
    assert (
        "There are no statements to show. The graph has 12 actors, but none pass the filter (min_weight=9)."
        in page
    )
    assert '<p id="kg-empty" hidden>' not in page
    assert '<p id="kg-empty" hidden>' in build_page(news_actor_graph)


def test_large_graphs_are_laid_out_in_python() -> None:
    n = LAYOUT_THRESHOLD + 20
    G = nx.DiGraph()
    for i in range(n):
        G.add_node(f"urn:actor:{i:04d}", label=f"Actor {i}", type="Person", made=1, received=1)
    for i in range(n):
        G.add_edge(f"urn:actor:{i:04d}", f"urn:actor:{(i * 7 + 1) % n:04d}", weight=1, polarity=-1,
                   hostile=1, friendly=0, neutral=0, stances="accuse:1", statements=[])  # fmt: skip
    page = build_page(G)
    data = page_data(page)
    assert data["positioned"] is True
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(node["x"], int) and isinstance(node["y"], int) for node in data["nodes"])
    assert len({(node["x"], node["y"]) for node in data["nodes"]}) > n * 0.95  # spread out, not piled up
    assert build_page(G) == page
    small = page_data(build_page(G, top_n=50))
    assert small["positioned"] is False and "x" not in small["nodes"][0]


def test_large_layout_puts_leaves_by_their_hub_and_apart() -> None:
    # 12 hubs with 100 one-link actors each (more than the force-laid core), a pair
    # linked only to each other, and 30 actors without links.
    G = nx.DiGraph()
    hubs = [f"urn:hub:{h:02d}" for h in range(12)]
    for h, hub in enumerate(hubs):
        G.add_node(hub, label=f"Hub {h}", type="Country", made=100, received=0)
        G.add_edge(hub, hubs[(h + 1) % len(hubs)], weight=1, polarity=0, stances="claim:1", statements=[])
        for i in range(100):
            leaf = f"urn:leaf:{h:02d}:{i:03d}"
            G.add_node(leaf, label=f"Leaf {h}.{i}", type="Person", made=0, received=1)
            G.add_edge(hub, leaf, weight=1, polarity=-1, stances="accuse:1", statements=[])
    G.add_edge("urn:pair:a", "urn:pair:b", weight=1, polarity=0, stances="claim:1", statements=[])
    G.add_nodes_from((f"urn:lone:{i:02d}", {"label": f"Lone {i}", "made": 1}) for i in range(30))
    page = build_page(G)
    assert build_page(G) == page
    at = {n["id"]: (n["x"], n["y"]) for n in page_data(page)["nodes"]}
    assert len(at) == len(G)

    def distance(a: str, b: str) -> float:
        return ((at[a][0] - at[b][0]) ** 2 + (at[a][1] - at[b][1]) ** 2) ** 0.5

    leaves = [n for n in G if n.startswith("urn:leaf:")]
    by_own_hub = [n for n in leaves if min(hubs, key=lambda h: distance(n, h)) == hubs[int(n[9:11])]]
    assert len(by_own_hub) > 0.9 * len(leaves)
    ids = sorted(at)
    too_close = [a for k, a in enumerate(ids) if any(distance(a, b) < 10 for b in ids[k + 1 :])]
    assert len(too_close) < 0.01 * len(ids)


def test_large_layout_does_not_depend_on_the_hash_seed() -> None:
    # Sets of strings iterate in an order that changes with PYTHONHASHSEED; the layout must not
    # (a subgraph of fewer than half the nodes lists them in the order of a set).
    script = (
        "import hashlib, networkx as nx\n"
        "from kg.render import build_page\n"
        "T = nx.barabasi_albert_graph(900, 1, seed=3)\n"
        "G = nx.DiGraph()\n"
        "G.add_nodes_from((f'urn:a:{i}', {'made': T.degree(i)}) for i in T)\n"
        "G.add_edges_from((f'urn:a:{u}', f'urn:a:{v}', {'weight': 1}) for u, v in T.edges)\n"
        "print(hashlib.sha256(build_page(G).encode()).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1
