"""Shared fixtures."""

from __future__ import annotations

import networkx as nx
import pytest

# -- actor graphs for the HTML page (kg.render) ------------------------------------------
# Hand-built in the shape of kg.network.actor_graph's output.

_POLARITY = {"support": 1, "claim": 0, "accuse": -1, "criticize": -1, "warn": -1, "threaten": -1}
_TONE = {-1: "hostile", 0: "neutral", 1: "friendly"}

# key | label | type | role | affiliation | coalition
NEWS_ACTORS = """
ruritania | Ruritania | Country | | | North Pact
osterlich | Osterlich | Country | | | South Bloc
elbonia | Elbonia | Country | | | South Bloc
mara | Mara Kessler | Person | foreign minister | Ruritania | North Pact
ivo | Ivo Brandt | Person | prime minister | Osterlich | South Bloc
lena | Lena Horvat | Person | spokeswoman | Harbour Union |
union | Harbour Union | Organization | | | North Pact
un | United Nations | Organization | | |
rebels | Delta Front | Group | | | South Bloc
farmers | Grain Farmers' Association | Group | | |
sanctions | Sanctions | Topic | | |
port | Port of Zenda | Topic | | |
"""

# speaker | target | stance | cue | article | start | quote | evidence
NEWS_STATEMENTS = """
mara | osterlich | accuse | accused | wire-1.txt | 120 | They broke the ceasefire. | Kessler accused them.
mara | osterlich | criticize | criticised | daily-2.txt | 40 | | Kessler criticised Osterlich's troops.
mara | osterlich | warn | warned | daily-2.txt | 310 | There will be consequences. | Kessler warned them.
ivo | ruritania | accuse | accused | wire-1.txt | 560 | Ruritania arms the Delta Front. | Brandt accused them.
ivo | rebels | threaten | threatened | gazette-3.txt | 15 | We will answer any attack. | Brandt threatened.
ivo | elbonia | support | praised | gazette-3.txt | 402 | Elbonia is a loyal partner. | Brandt praised them.
elbonia | osterlich | support | backed | wire-4.txt | 88 | | Elbonia backed Osterlich.
lena | port | claim | said | wire-4.txt | 700 | The port reopens on Monday. | Horvat said so.
union | ruritania | support | welcomed | daily-5.txt | 12 | | The union welcomed Ruritania's offer.
un | rebels | criticize | condemned | daily-5.txt | 230 | | The UN condemned the shelling.
un | osterlich | warn | urged | daily-5.txt | 410 | Respect the truce. | The UN urged restraint.
rebels | ruritania | accuse | blamed | gazette-6.txt | 77 | | The Delta Front blamed Ruritania.
farmers | sanctions | criticize | criticised | gazette-6.txt | 300 | Sanctions ruin us. | Farmers said so.
ruritania | sanctions | support | defended | wire-7.txt | 50 | | Ruritania defended the sanctions.
osterlich | ruritania | criticize | criticised | wire-7.txt | 400 | | Osterlich criticised Ruritania.
mara | un | claim | told | wire-7.txt | 640 | We have informed the Council. | Kessler told the UN.
"""

#: Strings that would run code if the page ever treated article text as HTML.
PAYLOADS = {
    "quote": "</script><script>window.__pwned = 1</script>",
    "evidence": '<img src=x onerror="window.__pwned = 2">',
    "label": "Mallory <img src=x onerror=window.__pwned=3> href",
    "role": "<b onmouseover=window.__pwned=4>boss</b>",
    "doc": "<svg onload=window.__pwned=5>.txt",
    "cue": "said\u2028<script>window.__pwned=6</script>",
}


def _rows(table: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("|")] for line in table.strip().splitlines()]


def actor_graph(actors: list[list[str]], statements: list[list[str]]) -> nx.DiGraph:
    """Build an actor graph from ``actors`` and ``statements`` rows (see the tables above)."""
    G = nx.DiGraph()
    for key, label, kind, role, affiliation, coalition in actors:
        attrs = {"label": label, "type": kind, "role": role, "affiliation": affiliation}
        if coalition:
            attrs["coalition"] = coalition
        G.add_node(f"urn:actor:{key}", **attrs, made=0, received=0)
    for i, (speaker, target, stance, cue, doc, start, quote, evidence) in enumerate(statements):
        u, v = f"urn:actor:{speaker}", f"urn:actor:{target}"
        G.nodes[u]["made"] += 1
        G.nodes[v]["received"] += 1
        if not G.has_edge(u, v):
            G.add_edge(u, v, weight=0, polarity=0, hostile=0, friendly=0, neutral=0, statements=[])
        e = G.edges[u, v]
        e["weight"] += 1
        e["polarity"] += _POLARITY[stance]
        e[_TONE[_POLARITY[stance]]] += 1
        e["statements"].append(
            {"iri": f"urn:statement:{i}", "doc": doc, "stance": stance, "cue": cue,
             "kind": "direct" if quote else "indirect", "quote": quote, "evidence": evidence,
             "start": int(start), "end": int(start) + len(evidence)}
        )  # fmt: skip
    for _, _, e in G.edges(data=True):
        stances = sorted(s["stance"] for s in e["statements"])
        e["stances"] = "; ".join(f"{s}:{stances.count(s)}" for s in dict.fromkeys(stances))
    return G


@pytest.fixture
def news_actor_graph() -> nx.DiGraph:
    """Twelve actors of every type, two coalitions, hostile, friendly and neutral links."""
    return actor_graph(_rows(NEWS_ACTORS), _rows(NEWS_STATEMENTS))


@pytest.fixture
def injection_payloads() -> dict[str, str]:
    """The strings planted in ``hostile_actor_graph``, by the field that holds them."""
    return dict(PAYLOADS)


@pytest.fixture
def hostile_actor_graph() -> nx.DiGraph:
    """A graph whose labels and article text are HTML and script injections."""
    p = PAYLOADS
    actors = [
        ["mallory", p["label"], "Person", p["role"], "<i>Evil</i> & Co", "<b>x</b>"],
        ["alice", "Alice Doe", "Person", "", "", ""],
    ]
    statements = [
        ["mallory", "alice", "accuse", p["cue"], p["doc"], "0", p["quote"], p["evidence"]],
        ["alice", "mallory", "criticize", "said", "plain.txt", "10", "", p["evidence"]],
    ]
    return actor_graph(actors, statements)
