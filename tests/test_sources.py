"""Reading articles: sections, furniture, offsets and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import ArticleError
from kg.records import Section
from kg.sources import find_articles, is_furniture_line, parse_text, read_article

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_e8c90f5480013379.txt"


@pytest.mark.parametrize(
    "line, furniture",
    [
        ("Skip to content", True),
        ("Link copied to clipboard", True),
        ("» READ MORE: The U.S. and Russia are still far apart after talks", True),
        ("Read more: why it matters", True),
        ("Advertisement", True),
        ("DENIS BALIBOUSE / AP", True),
        ("Photo: Jane Doe / Reuters", True),
        ("Russia denies any part in the war.", False),
        ("Share prices fell sharply on Monday after the announcement.", False),
    ],
)
def test_furniture_lines(line, furniture):
    assert is_furniture_line(line) is furniture


def test_seed_sections_keep_headline_and_standfirst_and_skip_furniture():
    art = read_article(SEED)
    sections = [p.section for p in art.paragraphs]
    assert sections[0] == Section.FURNITURE  # "Skip to content / Link copied"
    assert sections[1] == Section.HEADLINE
    assert sections[2] == Section.STANDFIRST
    text = {p.section: [] for p in art.paragraphs}
    for p in art.paragraphs:
        text[p.section].append(art.text[p.start : p.end])
    furniture = "\n".join(text[Section.FURNITURE])
    assert "shown arriving for security talks" in furniture  # the duplicated photo caption
    assert "READ MORE" in furniture
    assert all("READ MORE" not in t for t in text[Section.BODY])


def test_offsets_point_into_the_original_text():
    art = read_article(SEED)
    original = SEED.read_text(encoding="utf-8")
    assert art.text == original
    for p in art.paragraphs:
        assert art.text[p.start : p.end].strip() == art.text[p.start : p.end]


def test_windows_line_endings_read_like_read_text(tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes("Title here\r\n\r\nShe said “yes.”\r\n".encode())
    art = read_article(f)
    assert art.text == f.read_text(encoding="utf-8")


def test_duplicate_caption_is_furniture():
    caption = "A protester holds a sign outside the parliament building in the capital on Friday."
    text = f"Headline\n\n{caption}\n\n{caption}Read moreJOHN SMITH / AFP\n\nThe minister said it was fine."
    art = parse_text("a.txt", text)
    assert [p.section for p in art.paragraphs] == [
        Section.HEADLINE, Section.FURNITURE, Section.FURNITURE, Section.STANDFIRST,
    ]


@pytest.mark.parametrize(
    "case, content, reason",
    [
        ("empty", b"", "empty file"),
        ("blank", b"  \n\n\t ", "empty file"),
        ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin-1", "Café society said \"non\".".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_files_raise_an_error_naming_file_and_reason(tmp_path, case, content, reason):
    f = tmp_path / f"{case}.txt"
    f.write_bytes(content)
    with pytest.raises(ArticleError) as err:
        read_article(f)
    assert str(f) in str(err.value)
    assert reason in str(err.value)
    assert "\n" not in str(err.value)


def test_folders_are_read_recursively_in_sorted_order(tmp_path):
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden/d.txt", "notes.md"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in find_articles([tmp_path])]
    assert found == ["a.txt", "b.txt", "sub/c.txt"]


def test_missing_path_is_an_article_error(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        list(find_articles([tmp_path / "nope"]))


def test_sidecar_metadata_is_read(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Headline\n\nBody text said so.")
    (tmp_path / "a.json").write_text('{"date": "2022-01-13", "url": "https://example.org/a", "other": 1}')
    art = read_article(f)
    assert art.date == "2022-01-13"
    assert art.url == "https://example.org/a"


def test_json_lines_corpus_one_article_a_line_bad_lines_reported(tmp_path):
    import gzip
    import json

    from kg.sources import read_corpus

    lines = [
        json.dumps({"id": "a1", "text": "Headline\n\nJane Doe said so.", "date": "2022-01-13", "title": "T"}),
        "{not json",
        json.dumps({"id": "a2", "text": ""}),
        json.dumps({"text": "no id"}),
        json.dumps({"id": "a1", "text": "duplicate"}),
        json.dumps({"id": "a3", "text": "Another headline\n\nHe said no."}),
    ]
    f = tmp_path / "corpus.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    errors: list = []
    arts = list(read_corpus(f, errors))
    assert [a.doc for a in arts] == ["a1", "a3"]
    assert arts[0].date == "2022-01-13" and arts[0].title == "T"
    reasons = [str(e) for e in errors]
    assert [r.split(": ", 1)[0].rsplit(":", 1)[1] for r in reasons] == ["2", "3", "4", "5"]
    assert "duplicate id" in reasons[3]


def test_corpus_files_are_found_in_folders(tmp_path):
    (tmp_path / "a.jsonl").write_text("{}")
    (tmp_path / "b.jsonl.gz").write_bytes(b"")
    (tmp_path / "c.json").write_text("{}")
    assert [p.name for p in find_articles([tmp_path])] == ["a.jsonl", "b.jsonl.gz"]
