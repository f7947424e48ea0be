"""HTML input: the main text of a page, with offsets into that text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import pipeline
from kg.errors import ArticleError
from kg.records import Section
from kg.sources import find_articles, html_text, read_article

PAGE = Path(__file__).parent / "fixtures" / "html" / "harbour-talks.html"


@pytest.fixture(scope="module")
def article():
    return read_article(PAGE)


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("headline", "Ruritania walks out of harbour talks"),
        ("body", "Mara Kessler, walked out of the talks"),
        ("quotation", '"There is nothing left to discuss until the shelling stops."'),
        ("last paragraph", "before the shipping season begins in April."),
    ],
)
def test_main_text_is_kept(article, case, text):
    assert text in article.text, case


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("navigation", "Subscribe for 1 euro a week"),
        ("sidebar", "Ten ways to enjoy a weekend"),
        ("footer", "All rights reserved"),
        ("script", "dataLayer"),
        ("markup", "<p>"),
    ],
)
def test_page_furniture_is_dropped(article, case, text):
    assert text not in article.text, case


def test_metadata_comes_from_the_page(article):
    assert article.doc == "harbour-talks.html"
    assert article.title == "Ruritania walks out of harbour talks"
    assert article.date == "2024-03-11"
    assert article.url == "https://courier.example/world/2024/03/11/harbour-talks"
    assert article.source == "The Zenda Courier"


def test_a_sidecar_overrides_the_page(tmp_path):
    page = tmp_path / "p.html"
    shutil.copy(PAGE, page)
    (tmp_path / "p.json").write_text('{"date": "2024-03-12", "source": "Wire"}', encoding="utf-8")
    art = read_article(page)
    assert (art.date, art.source, art.title) == ("2024-03-12", "Wire", "Ruritania walks out of harbour talks")


def test_paragraphs_are_the_lines_of_the_extracted_text(article):
    assert article.text == html_text(PAGE.read_bytes())[0]
    assert [p.section for p in article.paragraphs[:2]] == [Section.HEADLINE, Section.STANDFIRST]
    assert len(article.paragraphs) == article.text.count("\n") + 1


def test_statements_point_into_the_extracted_text(tmp_path):
    shutil.copy(PAGE, tmp_path)
    result = pipeline.extract([tmp_path])
    assert result.ok and [a.doc for a in result.articles] == ["harbour-talks.html"]
    text = result.articles[0].text
    by_speaker = {s.speaker.label: s for s in result.statements}
    assert "Mara Kessler" in by_speaker, sorted(by_speaker)
    for s in result.statements:
        assert text[s.start : s.end] == s.evidence
        assert text[s.content_start : s.content_end] == s.content
    assert "nothing left to discuss" in " ".join(s.content for s in result.statements)


def test_folders_list_html_pages(tmp_path):
    for name in ("b.html", "a.htm", "c.txt", "d.css"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in find_articles([tmp_path])] == ["a.htm", "b.html", "c.txt"]


@pytest.mark.parametrize(
    ("case", "content", "reason"),
    [
        ("empty file", "", "empty file"),
        ("only a script", "<html><body><script>var a = 1;</script></body></html>", "no main text"),
    ],
)
def test_a_page_without_text_is_an_article_error(tmp_path, case, content, reason):
    page = tmp_path / "bad.html"
    page.write_text(content, encoding="utf-8")
    with pytest.raises(ArticleError, match=reason):
        read_article(page)
