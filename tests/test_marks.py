"""Finding quotations: a table of passages and the quotes found in them."""

from __future__ import annotations

import pytest

from kg.extract.marks import find_quotes


def quoted(text: str, paragraphs=None) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text, paragraphs)]


@pytest.mark.parametrize(
    "case, text, expected",
    [
        ("curly", "He said “we will not go” today.", ["we will not go"]),
        ("straight", 'He said "we will not go" today.', ["we will not go"]),
        ("two quotes", "“One,” he said, “two.”", ["One,", "two."]),
        ("single inside double", "She said “they called it ‘madness’ at once.”",
         ["they called it ‘madness’ at once."]),
        ("headline single quotes", "Russia says ‘no grounds’ for talks", ["no grounds"]),
        ("apostrophes are not quotes", "Russia’s envoy and the states’ rights", []),
        ("guillemets", "Il a dit «non» hier.", ["non"]),
        ("unbalanced opener", "He said “this never closes", ["this never closes"]),
        ("stray closer", "A stray ” mark here.", []),
        ("lone straight mark", 'A 6" screen.', []),
    ],
)
def test_quotes(case, text, expected):
    assert quoted(text) == expected


def test_quote_running_across_paragraphs_is_closed_at_each_paragraph_end():
    text = "“First paragraph of the quote.\n\n“Second paragraph,” she said."
    paras = ((0, 30), (32, len(text)))
    qs = find_quotes(text, paras)
    assert [q.closed for q in qs] == [False, True]
    assert text[qs[0].inner_start : qs[0].inner_end] == "First paragraph of the quote."


def test_never_raises_on_random_marks():
    text = "”“\"‘’'«»" * 50
    find_quotes(text)
