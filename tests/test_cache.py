"""The per-article cache: unchanged articles are not parsed again, and the output does not change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg import cache as kgcache
from kg import pipeline
from kg.cache import Cache
from kg.cli import main
from kg.records import Candidate, Kind, Mention, Stance
from kg.sources import parse_text

#: Short stories of our own with direct and reported speech.
STORIES = {
    "a.txt": "Ruritania rejects talks\n\nForeign Minister Mara Kessler said on Monday that Ruritania "
    "would not return to the talks. \"We have been patient for too long,\" she said.\n",
    "b.txt": "Osterlich warns neighbours\n\nPrime Minister Ivo Brandt warned Elbonia against any move "
    "on the border. Brandt accused Ruritania of arming the Delta Front.\n",
    "c.txt": "Union backs port deal\n\nThe Harbour Union welcomed the agreement, its spokeswoman "
    "Lena Horvat said. \"The port reopens on Monday,\" Horvat told reporters.\n",
}


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _entries(root: Path) -> list[Path]:
    return sorted(root.rglob("*.json"))


CANDIDATE = Candidate(
    speaker=Mention("she", 10, 13, "Mara Kessler", "PERSON", "Foreign Minister", "Ruritania"),
    stance=Stance.CRITICIZE, kind=Kind.MIXED, cue="accuse", cue_start=14, cue_end=22, start=0, end=60,
    content_start=23, content_end=59,
    targets=(Mention("Osterlich", 30, 39, "Osterlich", "GPE"), Mention("troops", 40, 46, "troops", "NOUN",
                                                                        plural=True)),
    extractor="speech", confidence=0.85, stance_fine="accuse",
)


def test_an_entry_gives_back_equal_records(tmp_path):
    c = Cache(tmp_path)
    art = parse_text("a.txt", STORIES["a.txt"])
    c.put(art, [CANDIDATE], ["Mara Kessler"])
    assert c.get(art) == ([CANDIDATE], ["Mara Kessler"])
    assert (c.hits, c.misses) == (1, 0)


@pytest.mark.parametrize(
    ("case", "other", "same_key"),
    [
        ("another file name, same text", dict(doc="other.txt"), True),
        ("another date", dict(date="2024-01-01"), True),
        ("one character changed", dict(text=STORIES["a.txt"].replace("Monday", "Sunday")), False),
    ],
)
def test_the_key_follows_the_text_not_the_name(tmp_path, case, other, same_key):
    c = Cache(tmp_path)
    base = parse_text("a.txt", STORIES["a.txt"])
    kw = {"doc": "a.txt", "text": STORIES["a.txt"], **other}
    changed = parse_text(kw.pop("doc"), kw.pop("text"), **kw)
    assert (c.key(base) == c.key(changed)) is same_key, case


def test_the_key_follows_the_extractors_and_their_version(tmp_path, monkeypatch):
    art = parse_text("a.txt", STORIES["a.txt"])
    keys = {Cache(tmp_path).key(art), Cache(tmp_path, ["speech"]).key(art)}
    monkeypatch.setattr(kgcache, "extractor_version", lambda: "a newer extractor")
    keys.add(Cache(tmp_path).key(art))
    assert len(keys) == 3


def test_second_run_parses_nothing_and_gives_the_same_statements(corpus, tmp_path, monkeypatch):
    fresh = pipeline.extract([corpus])
    c = Cache(tmp_path / "cache")
    first = pipeline.extract([corpus], cache=c)
    assert (c.hits, c.misses) == (0, len(STORIES))
    assert len(_entries(c.root)) == len(STORIES)

    def no_parsing(*args, **kwargs):
        raise AssertionError("an unchanged article was parsed again")

    monkeypatch.setattr(pipeline.nlp, "parse", no_parsing)
    c2 = Cache(c.root)
    second = pipeline.extract([corpus], cache=c2)
    assert (c2.hits, c2.misses) == (len(STORIES), 0)
    assert fresh.statements == first.statements == second.statements


def test_only_the_changed_article_is_parsed_again(corpus, tmp_path):
    c = Cache(tmp_path / "cache")
    pipeline.extract([corpus], cache=c)
    (corpus / "b.txt").write_text(STORIES["b.txt"].replace("Elbonia", "Freedonia"), encoding="utf-8")
    c2 = Cache(c.root)
    cached = pipeline.extract([corpus], cache=c2)
    assert (c2.hits, c2.misses) == (len(STORIES) - 1, 1)
    assert cached.statements == pipeline.extract([corpus]).statements


def test_cache_with_two_jobs(corpus, tmp_path):
    c = Cache(tmp_path / "cache")
    pipeline.extract([corpus / "a.txt", corpus / "c.txt"], cache=c)
    mixed = pipeline.extract([corpus], jobs=2, cache=Cache(c.root))
    assert mixed.statements == pipeline.extract([corpus]).statements


def test_a_broken_entry_is_a_miss_not_an_error(corpus, tmp_path, caplog):
    c = Cache(tmp_path / "cache")
    pipeline.extract([corpus], cache=c)
    for entry in _entries(c.root):
        entry.write_text("{not json", encoding="utf-8")
    c2 = Cache(c.root)
    again = pipeline.extract([corpus], cache=c2)
    assert (c2.hits, c2.misses) == (0, len(STORIES))
    assert "unreadable entry" in caplog.text
    assert again.statements == pipeline.extract([corpus]).statements
    assert all(json.loads(e.read_text(encoding="utf-8"))["candidates"] is not None for e in _entries(c.root))


def test_cli_uses_the_cache_dir_and_no_cache_writes_none(corpus, tmp_path, capsys):
    store = tmp_path / "cache"
    outs = [tmp_path / f"{n}.jsonl" for n in ("cold", "warm", "none")]
    assert main(["extract", str(corpus), "-o", str(outs[0]), "--cache-dir", str(store)]) == 0
    assert "0 article(s) reused, 3 parsed" in capsys.readouterr().err
    assert main(["extract", str(corpus), "-o", str(outs[1]), "--cache-dir", str(store)]) == 0
    assert "3 article(s) reused, 0 parsed" in capsys.readouterr().err
    before = _entries(store)
    assert main(["extract", str(corpus), "-o", str(outs[2]), "--no-cache", "--cache-dir", str(store)]) == 0
    assert _entries(store) == before
    assert outs[0].read_bytes() == outs[1].read_bytes() == outs[2].read_bytes()


def test_default_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "kg"))
    assert kgcache.default_dir() == tmp_path / "kg"
    monkeypatch.delenv("KG_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert kgcache.default_dir() == tmp_path / "xdg" / "kg"
