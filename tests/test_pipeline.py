"""End to end: ``kg build`` and ``kg extract`` on the seed and on bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph

from kg.cli import main
from kg.evaluate import evaluate_files
from kg.pipeline import OUTPUTS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "fixtures" / "gold"
SEED_DOC = "000_e8c90f5480013379.txt"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert main(["build", str(SEEDS), "-o", str(out), "-q"]) == 0
    return out


def test_build_writes_the_four_files(built):
    for name in OUTPUTS:
        assert (built / name).stat().st_size > 0, name


def test_graph_parses_with_rdflib(built):
    g = Graph()
    g.parse(built / "graph.ttl", format="turtle")
    assert len(g) > 100


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils (rapper) is not installed")
def test_graph_parses_with_an_independent_parser(built):
    run = subprocess.run(["rapper", "-i", "turtle", "-c", str(built / "graph.ttl")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "returned" in run.stderr and "triples" in run.stderr


def test_statements_jsonl_has_the_documented_fields(built):
    lines = (built / "statements.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines
    text = (SEEDS / SEED_DOC).read_text(encoding="utf-8")
    for line in lines:
        st = json.loads(line)
        for field in ("doc", "speaker", "speaker_iri", "stance", "polarity", "targets", "kind", "cue",
                      "evidence", "start", "end", "confidence"):
            assert field in st, field
        assert st["doc"] == SEED_DOC
        assert st["polarity"] in (-1, 0, 1)
        assert st["kind"] in ("direct", "mixed", "indirect")
        assert text[st["start"] : st["end"]] == st["evidence"]


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.remote: list[str] = []

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("src", "href") and v and v.strip().lower().startswith(("http:", "https:", "//")):
                self.remote.append(f"{tag} {k}={v}")


def test_page_references_nothing_on_the_network(built):
    refs = _Refs()
    refs.feed((built / "graph.html").read_text(encoding="utf-8"))
    assert refs.remote == []


def test_building_twice_gives_byte_identical_files(built, tmp_path):
    assert main(["build", str(SEEDS), "-o", str(tmp_path), "-q"]) == 0
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name


def test_seed_scores_meet_the_first_version_bar():
    scores = evaluate_files([GOLD], SEEDS)
    assert scores["attribution"]["f1"] >= 0.75
    assert scores["triple"]["f1"] >= 0.40


def test_evaluate_lists_what_it_got_wrong_consistently_with_its_figures(tmp_path):
    path = next(GOLD.glob("*.json"))
    gold = json.loads(path.read_text(encoding="utf-8"))
    first = next(st for st in gold["statements"] if not st.get("optional"))
    first["speaker"] = "Nobody In Particular"  # a gold speaker we cannot find
    (tmp_path / path.name).write_text(json.dumps(gold), encoding="utf-8")
    scores = evaluate_files([tmp_path / path.name], SEEDS, details=True)
    lines = scores["errors"]
    assert any("speaker" in line and "Nobody In Particular" in line for line in lines)
    missed_or_wrong = sum(1 for line in lines if "gold " in line)
    assert missed_or_wrong == scores["triple"]["gold"] - scores["triple"]["tp"]
    extra = sum(1 for line in lines if ": extra " in line)
    assert extra == scores["detection"]["sys"] - scores["detection"]["tp"]


def test_extract_prints_jsonl_to_stdout(capsys):
    assert main(["extract", str(SEEDS / SEED_DOC), "-q"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out and all(json.loads(line)["doc"] == SEED_DOC for line in out)


def test_extract_turtle(tmp_path):
    out = tmp_path / "g.ttl"
    assert main(["extract", str(SEEDS), "--format", "ttl", "-o", str(out), "-q"]) == 0
    assert len(Graph().parse(out)) > 100


def test_one_bad_file_among_good_ones_fails_the_run_but_keeps_the_rest(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / SEED_DOC, src / "a_good.txt")
    (src / "b_empty.txt").write_bytes(b"")
    (src / "c_binary.txt").write_bytes(b"\x00\x01\x02binary")
    (src / "d_latin1.txt").write_bytes("Caf\xe9 said so.".encode("latin-1"))
    (src / "e_good.txt").write_text("A headline\n\nJane Doe said the plan would fail.", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["build", str(src), "-o", str(out), "-q"])
    err = capsys.readouterr().err
    assert code == 1
    for name, reason in (("b_empty.txt", "empty"), ("c_binary.txt", "binary"), ("d_latin1.txt", "UTF-8")):
        line = next(ln for ln in err.splitlines() if name in ln)
        assert reason in line
    assert "Traceback" not in err
    docs = {json.loads(ln)["doc"] for ln in (out / "statements.jsonl").read_text().splitlines()}
    assert docs == {"a_good.txt", "e_good.txt"}
    assert "empty file" in (out / "report.md").read_text()


def test_missing_path_is_reported_not_raised(tmp_path, capsys):
    code = main(["extract", str(tmp_path / "nope"), "-q"])
    assert code == 1
    assert "no such file" in capsys.readouterr().err


def test_unknown_extractor_lists_the_valid_ones(capsys):
    assert main(["extract", str(SEEDS), "--extractor", "nope", "-q"]) == 2
    err = capsys.readouterr().err
    assert "nope" in err and "speech" in err


def test_module_entry_point_has_help_on_every_command():
    for cmd in ([], ["build"], ["extract"], ["evaluate"]):
        run = subprocess.run([sys.executable, "-m", "kg", *cmd, "--help"], capture_output=True, text=True,
                             cwd=ROOT)
        assert run.returncode == 0 and "usage:" in run.stdout


def test_a_json_lines_corpus_builds_with_dates(tmp_path):
    from rdflib.namespace import DCTERMS

    corpus = tmp_path / "news.jsonl"
    corpus.write_text(
        json.dumps({"id": "day1", "date": "2022-01-10", "text": "Talks\n\nJane Doe accused Russia of lying."}) + "\n"
        + json.dumps({"id": "day2", "date": "2022-01-12", "text": "Talks\n\nJane Doe praised Russia for its help."})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["build", str(corpus), "-o", str(out), "-q"]) == 0
    rows = [json.loads(ln) for ln in (out / "statements.jsonl").read_text().splitlines()]
    assert {(r["doc"], r["stance"]) for r in rows} == {("day1", "accuse"), ("day2", "support")}
    g = Graph().parse(out / "graph.ttl")
    assert {str(d) for d in g.objects(None, DCTERMS.date)} >= {"2022-01-10", "2022-01-12"}
