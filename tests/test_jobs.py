"""``--jobs N``: articles parsed and extracted in worker processes give the same result as one job."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import pipeline
from kg.cli import main
from kg.errors import UsageError

ROOT = Path(__file__).resolve().parent.parent

#: Short wire stories of our own: direct and reported speech, a pronoun, a follow-on quote.
STORIES = {
    "a.txt": "Ruritania rejects talks\n\nForeign Minister Mara Kessler said on Monday that Ruritania "
    "would not return to the talks. \"We have been patient for too long,\" she said.\n\n"
    "\"There is nothing left to discuss.\"\n",
    "b.txt": "Osterlich warns neighbours\n\nPrime Minister Ivo Brandt warned Elbonia against any move "
    "on the border. Brandt accused Ruritania of arming the Delta Front.\n",
    "c.txt": "Union backs port deal\n\nThe Harbour Union welcomed the agreement, its spokeswoman "
    "Lena Horvat said. \"The port reopens on Monday,\" Horvat told reporters.\n",
    "d.txt": "UN urges restraint\n\nThe United Nations condemned the shelling of Zenda and urged "
    "both sides to respect the truce, according to a statement.\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "seeds" / "000_e8c90f5480013379.txt", folder)
    return folder


@pytest.fixture(scope="module")
def one_job(corpus) -> pipeline.Result:
    return pipeline.extract([corpus])


def test_two_jobs_give_the_same_statements_in_the_same_order(corpus, one_job):
    two = pipeline.extract([corpus], jobs=2)
    assert one_job.statements, "the fixture should yield statements"
    assert two.statements == one_job.statements
    assert [a.doc for a in two.articles] == [a.doc for a in one_job.articles]


def test_more_jobs_than_articles(corpus, one_job):
    assert pipeline.extract([corpus], jobs=8).statements == one_job.statements


def test_jobs_below_one_is_a_usage_error(corpus):
    with pytest.raises(UsageError, match="jobs must be 1 or more"):
        pipeline.extract([corpus], jobs=0)


def test_cli_jobs_output_is_byte_identical(corpus, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", str(corpus), "-o", str(one), "-q", "--no-cache"]) == 0
    assert main(["extract", str(corpus), "-o", str(two), "-q", "--no-cache", "-j", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()


def test_cli_rejects_zero_jobs(corpus, capsys):
    with pytest.raises(SystemExit) as e:
        main(["build", str(corpus), "-j", "0"])
    assert e.value.code == 2
    assert "must be 1 or more" in capsys.readouterr().err


# -- Dask distributed ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def dask_cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, silence_logs=True,
    ) as cluster:
        yield cluster


def test_a_dask_cluster_gives_the_same_statements(corpus, one_job, dask_cluster):
    on_dask = pipeline.extract([corpus], scheduler=dask_cluster.scheduler_address)
    assert on_dask.statements == one_job.statements


def test_cli_dask_scheduler_output_is_byte_identical(corpus, tmp_path, dask_cluster):
    one, dask = tmp_path / "one.jsonl", tmp_path / "dask.jsonl"
    assert main(["extract", str(corpus), "-o", str(one), "-q", "--no-cache"]) == 0
    assert main(["extract", str(corpus), "-o", str(dask), "-q", "--no-cache",
                 "--dask-scheduler", dask_cluster.scheduler_address]) == 0
    assert one.read_bytes() == dask.read_bytes()


def test_an_unreachable_scheduler_is_a_usage_error(corpus, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(pipeline, "DASK_TIMEOUT", 2)
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        pipeline.extract([corpus], scheduler="tcp://127.0.0.1:1")
