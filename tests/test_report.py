"""Specification of kg.report: what the Markdown report says, in what order.

The statements are those of ``tests/test_network.py``: a star, a mutual
hostility pair, a friendly edge, a statement with two targets and one with none.
"""

from __future__ import annotations

import random
import re

import pytest

from kg.network import statement_graph
from kg.rdf import to_graph
from kg.records import Kind, Stance
from kg.report import escape, to_markdown

from .test_network import ALL, BLAND, XLAND, YLAND, said

ARTICLES = ["a.txt", "b.txt", "c.txt", "d.txt"]


@pytest.fixture(scope="module")
def report() -> str:
    return to_markdown(statement_graph(to_graph(ALL)), ARTICLES, ["e.txt: empty file"])


def section(report: str, title: str) -> list[str]:
    """The table rows (header and rule left out) of the section ``## title``."""
    body = report.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in body.splitlines() if line.startswith("| ")][2:]


def cells(row: str) -> list[str]:
    """A table row split on its unescaped pipes."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]


def test_sections_come_in_order(report):
    titles = [line for line in report.splitlines() if line.startswith("#")]
    assert titles == [
        "# Statement network report",
        "## Counts",
        "## Statements by stance",
        "## Statements by kind",
        "## Most active speakers",
        "## Most targeted actors and topics",
        "## Strongest hostile edges",
        "## Strongest friendly edges",
        "## Files that failed",
    ]


def test_counts(report):
    assert section(report, "Counts") == [
        "| Articles | 4 |",
        "| Files that failed | 1 |",
        "| Statements | 10 |",  # the two-target statement counts once
        "| Actors | 13 |",
        "| Topics | 1 |",
    ]


def test_statements_by_stance_and_kind(report):
    assert section(report, "Statements by stance") == [
        "| accuse | -1 | 6 |",
        "| claim | 0 | 1 |",
        "| criticize | -1 | 1 |",
        "| support | +1 | 1 |",
        "| warn | -1 | 1 |",
    ]
    assert section(report, "Statements by kind") == ["| indirect | 9 |", "| direct | 1 |"]


def test_most_active_speakers(report):
    assert section(report, "Most active speakers")[:3] == [
        "| 1 | Aland | 4 |",
        "| 2 | Yland | 2 |",
        "| 3 | Fland | 1 |",
    ]


def test_most_targeted(report):
    assert section(report, "Most targeted actors and topics")[:2] == [
        "| 1 | Xland | 2 |",
        "| 2 | Bland | 1 |",
    ]


def test_strongest_hostile_edges(report):
    rows = [cells(r) for r in section(report, "Strongest hostile edges")]
    assert [r[:5] for r in rows[:3]] == [
        ["1", "Yland", "Xland", "2", "accuse:2"],
        ["2", "Aland", "Bland", "1", "accuse:1"],
        ["3", "Aland", "Cland", "1", "accuse:1"],
    ]
    assert rows[0][5] == "Yland accuse Xland"  # the example: the first statement's evidence


def test_strongest_friendly_edges(report):
    assert [cells(r)[:5] for r in section(report, "Strongest friendly edges")] == [
        ["1", "Fland", "Gland", "1", "support:1"],
        ["2", "Fland", "security talks", "1", "support:1"],
    ]


def test_failed_files_are_listed(report):
    assert report.rstrip().endswith("## Files that failed\n\n- e.txt: empty file")


def test_no_failed_section_without_failures():
    text = to_markdown(statement_graph(to_graph(ALL)), ARTICLES)
    assert "Files that failed |" not in text.split("## Counts")[0]
    assert "## Files that failed" not in text
    assert "| Files that failed | 0 |" in text


def test_empty_rankings_say_none():
    text = to_markdown(statement_graph(to_graph([said(XLAND, Stance.CLAIM)])), ["a.txt"])
    assert "## Strongest friendly edges\n\nNone.\n" in text
    assert "## Most targeted actors and topics\n\nNone.\n" in text


def test_a_pipe_or_line_break_in_a_quote_does_not_break_the_table():
    quote = "They | lie\nand | cheat"
    st = said(YLAND, Stance.ACCUSE, XLAND, kind=Kind.DIRECT, content=quote)
    text = to_markdown(statement_graph(to_graph([st])), ["a.txt"])
    [row] = section(text, "Strongest hostile edges")
    assert cells(row) == ["1", "Yland", "Xland", "1", "accuse:1", "They \\| lie and \\| cheat"]
    header = text.split("## Strongest hostile edges\n\n", 1)[1].splitlines()[0]
    assert len(cells(row)) == len(cells(header))


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("plain", "Dmitry Peskov", "Dmitry Peskov"),
        ("pipe", "a|b", "a\\|b"),
        ("line breaks", "a\r\nb\n\nc", "a b c"),
        ("emphasis and code", "*a* _b_ `c`", "\\*a\\* \\_b\\_ \\`c\\`"),
        ("link", "[x](http://e.org)", "\\[x\\](http://e.org)"),
        ("html", "<script>&", "&lt;script&gt;&amp;"),
        ("backslash", "a\\b", "a\\\\b"),
    ],
)
def test_escape(case, text, expected):
    assert escape(text) == expected


def test_a_long_example_is_cut():
    st = said(YLAND, Stance.ACCUSE, XLAND, kind=Kind.DIRECT, content="x" * 500)
    [row] = section(to_markdown(statement_graph(to_graph([st])), ["a.txt"]), "Strongest hostile edges")
    example = cells(row)[5]
    assert len(example) == 160 and example.endswith("…")


def test_report_does_not_depend_on_input_order(report):
    shuffled = ALL[:]
    random.Random(3).shuffle(shuffled)
    assert to_markdown(statement_graph(to_graph(shuffled)), ARTICLES, ["e.txt: empty file"]) == report


def test_n_limits_every_ranking():
    sts = [said(XLAND, Stance.ACCUSE, BLAND), said(YLAND, Stance.ACCUSE, BLAND, start=50)]
    text = to_markdown(statement_graph(to_graph(sts)), ["a.txt"], n=1)
    assert section(text, "Most active speakers") == ["| 1 | Xland | 1 |"]
    assert len(section(text, "Strongest hostile edges")) == 1
