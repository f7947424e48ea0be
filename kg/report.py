"""A Markdown summary of a statement graph: counts, rankings and failures.

The report only computes and formats; writing it somewhere is the caller's
business. All text that comes from articles (labels, quotes, evidence, file
names, error messages) is escaped, so a ``|`` or a line break in a quote cannot
break a table and markup in it is shown rather than rendered. The same graph
always gives the same report, byte for byte.

>>> from kg.records import Actor, ActorType, Kind, Stance, Statement
>>> from kg.rdf import to_graph
>>> from kg.network import statement_graph
>>> a = Actor("Aland", "Aland", ActorType.COUNTRY)
>>> b = Actor("Bland", "Bland", ActorType.COUNTRY)
>>> st = Statement("a.txt", a, Stance.ACCUSE, Kind.INDIRECT, "accuse",
...                "Aland accused Bland", 0, 19, "", 0, 0, targets=(b,))
>>> text = to_markdown(statement_graph(to_graph([st])), ["a.txt"])
>>> print(text.splitlines()[0])
# Statement network report
>>> "| 1 | Aland | Bland | 1 | accuse:1 | Aland accused Bland |" in text
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import networkx as nx
import pandas as pd

from .network import actor_graph, most_targeted, ranked_edges, strongest_edges, to_dataframe, top_speakers
from .records import Stance

__all__ = ["escape", "to_markdown"]

# Characters that Markdown would turn into formatting, a link or a table
# boundary; they are shown literally by a preceding backslash.
_MARKUP = re.compile(r"([\\`*_\[\]|])")
_SPACE = re.compile(r"\s+")
#: The longest example text in an edge table; longer ones are cut with "…".
EXAMPLE_LENGTH = 160


def escape(text: object) -> str:
    """``text`` made safe for one Markdown table cell or list item.

    Line breaks and runs of white space become one space; ``|``, backslash and
    the characters of emphasis, code and links are backslash-escaped; ``&``,
    ``<`` and ``>`` become HTML entities so that no tag gets through.

    >>> escape("a | b\\n<i>c</i> *d*")
    'a \\\\| b &lt;i&gt;c&lt;/i&gt; \\\\*d\\\\*'
    """
    s = _SPACE.sub(" ", str(text)).strip()
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKUP.sub(r"\\\1", s)


def to_markdown(
    graph: nx.MultiDiGraph,
    articles: Sequence[str],
    errors: Sequence[str] = (),
    n: int = 10,
) -> str:
    """A Markdown report on the statement graph ``graph``.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph of :func:`kg.network.statement_graph`.
    articles : sequence of str
        The names of the articles that were read.
    errors : sequence of str
        One message per file that could not be read (``"a.txt: empty file"``).
    n : int
        The length of each ranking.

    Returns
    -------
    str
        The report: counts (articles, failed files, statements, actors,
        topics), statements by stance and by kind, the most active speakers,
        the most targeted actors and topics, the strongest hostile and friendly
        edges with their stances and an example, and the failed files if any.
        Statements are counted once however many targets they have. Rows are
        ranked by count, ties broken by label.
    """
    df = to_dataframe(graph).drop_duplicates("statement")
    types = [data.get("type", "") for _, data in graph.nodes(data=True)]
    n_topics = sum(t == "Topic" for t in types)
    A = actor_graph(graph)

    lines = ["# Statement network report", ""]
    lines += _section(
        "Counts",
        ["", "Count"],
        [
            ["Articles", len(articles)],
            ["Files that failed", len(errors)],
            ["Statements", len(df)],
            ["Actors", len(types) - n_topics],
            ["Topics", n_topics],
        ],
        align=["l", "r"],
    )
    stance_counts = _counts(df["stance"])
    lines += _section(
        "Statements by stance",
        ["Stance", "Polarity", "Statements"],
        [[stance, _signed(Stance(stance).polarity), count] for stance, count in stance_counts],
        align=["l", "r", "r"],
    )
    lines += _section(
        "Statements by kind",
        ["Kind", "Statements"],
        [list(row) for row in _counts(df["kind"])],
        align=["l", "r"],
    )
    lines += _section(
        "Most active speakers",
        ["Rank", "Speaker", "Statements made"],
        [[i, label, count] for i, (label, count) in enumerate(top_speakers(A, n), 1)],
        align=["r", "l", "r"],
    )
    lines += _section(
        "Most targeted actors and topics",
        ["Rank", "Target", "Statements received"],
        [[i, label, count] for i, (label, count) in enumerate(most_targeted(A, n), 1)],
        align=["r", "l", "r"],
    )
    for sign, name in ((-1, "hostile"), (+1, "friendly")):
        rows = [
            [i, speaker, target, count, stances, _example(A, u, v, sign)]
            for i, ((speaker, target, count, stances), (u, v)) in enumerate(
                zip(strongest_edges(A, sign, n), ranked_edges(A, sign, n), strict=True), 1
            )
        ]
        lines += _section(
            f"Strongest {name} edges",
            ["Rank", "Speaker", "Target", f"{name.capitalize()} statements", "Stances", "Example"],
            rows,
            align=["r", "l", "l", "r", "l", "l"],
        )
    if errors:
        lines += ["## Files that failed", ""]
        lines += [f"- {escape(error)}" for error in sorted(errors)]
        lines.append("")
    return "\n".join(lines)


def _counts(values: pd.Series) -> list[tuple[str, int]]:
    """``(value, count)`` pairs, most frequent first, ties by value."""
    counted = ((str(v), int(c)) for v, c in values.value_counts().items())
    return sorted(counted, key=lambda vc: (-vc[1], vc[0]))


def _signed(polarity: int) -> str:
    return f"{polarity:+d}" if polarity else "0"


def _example(A: nx.DiGraph, u: str, v: str, sign: int) -> str:
    """The quote (else the evidence) of the edge's first statement of polarity ``sign``."""
    for st in A.edges[u, v].get("statements", ()):
        if Stance(st["stance"]).polarity == sign:
            text = _SPACE.sub(" ", st["quote"] or st["evidence"]).strip()
            if len(text) > EXAMPLE_LENGTH:
                text = text[: EXAMPLE_LENGTH - 1].rstrip() + "…"
            return text
    return ""


def _section(title: str, header: list[str], rows: list[list[object]], align: list[str]) -> list[str]:
    lines = [f"## {title}", ""]
    if not rows:
        return [*lines, "None.", ""]
    rule = {"l": "---", "r": "---:"}
    lines.append("| " + " | ".join(escape(h) for h in header) + " |")
    lines.append("| " + " | ".join(rule[a] for a in align) + " |")
    lines += ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in rows]
    lines.append("")
    return lines
