"""Loading about 1M triples and running the named queries: rdflib memory vs Oxigraph.

Run from the repository root::

    .venv/bin/python benchmarks/stores.py                     # 47,000 statements, about 1,000,000 quads
    .venv/bin/python benchmarks/stores.py --statements 2000   # a quick look

The graph is synthetic but has the shape ``kg build`` writes: statements
(``kg.rdf.to_dataset``, one named graph per article of 20 statements) with
three targets each (two actors, one topic) and seeded random stances, written
once as N-Quads (about 21 quads per statement). The actors and topics grow with
the corpus, as names do in news (at least 400 actors and 50 topics; one actor
per 25 statements and one topic per 250 beyond that), so that the number of
statements per actor stays about the same.

Each store runs in a fresh process (so that its peak memory is its own): it
loads the file through ``kg.store.load`` (the code ``kg query`` and ``kg load``
use: rdflib's parser for ``memory``, Oxigraph's loader for ``oxigraph``), then
each named query in ``ontology/queries`` runs once with no bindings, through
``kg.queries.run`` (rows converted to rdflib terms, as every caller gets them),
in a forked process that is stopped after ``--timeout`` seconds. Times are wall
clock on this machine; peak RSS is the store process's (``ru_maxrss``) after
loading and after the queries (a query's own process is not counted).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg import queries, rdf, store
from kg.records import Actor, ActorType, Article, Kind, Paragraph, Section, Stance, Statement, Topic

TYPES = (ActorType.PERSON, ActorType.ORGANIZATION, ActorType.COUNTRY, ActorType.GROUP)


def corpus(n_statements: int, seed: int = 7) -> tuple[list[Article], list[Statement]]:
    """Seeded synthetic statements: 20 per article, max(400, n/25) actors, max(50, n/250) topics."""
    rnd = random.Random(seed)
    actors = [Actor(f"Actor {i}", f"Actor {i}", TYPES[i % 4]) for i in range(max(400, n_statements // 25))]
    topics = [Topic(f"topic {i}", f"topic {i}") for i in range(max(50, n_statements // 250))]
    stances = list(Stance)
    articles, statements = [], []
    for k in range(0, n_statements, 20):
        doc = f"a{k // 20:06d}.txt"
        text = "x" * 2000
        articles.append(Article(doc, text, (Paragraph(0, 2000, Section.BODY),), date=f"2022-01-{1 + k % 28:02d}"))
        for j in range(min(20, n_statements - k)):
            speaker = rnd.choice(actors)
            targets = tuple(rnd.sample(actors, 2)) + (rnd.choice(topics),)
            start = j * 90
            statements.append(Statement(
                doc=doc, speaker=speaker, stance=rnd.choice(stances), kind=rnd.choice(list(Kind)),
                cue="say", evidence=f"statement {k + j} evidence text", start=start, end=start + 80,
                content=f"what was said in statement {k + j}", content_start=start + 10, content_end=start + 80,
                targets=targets, extractor="speech", confidence=0.8, date=articles[-1].date,
            ))
    return articles, statements


def generate(n_statements: int, path: Path) -> int:
    """Write the corpus of ``n_statements`` to ``path`` as N-Quads; the number of quads."""
    articles, statements = corpus(n_statements)
    ds = rdf.to_dataset(statements, articles)
    path.write_bytes(ds.serialize(format="nquads", encoding="utf-8"))
    return sum(1 for _ in ds.quads((None, None, None, None)))


_DS = None  # the store under test, inherited by the forked query processes
_LOCATION: Path | None = None  # or the Oxigraph directory each query process opens


def _count_rows(name: str, out) -> None:
    ds = _DS if _LOCATION is None else store.open_store("oxigraph", _LOCATION)
    t = time.perf_counter()
    n = len(queries.run(ds, name))
    out.put((time.perf_counter() - t, n))


def _run_queries(timeout: float) -> dict[str, dict]:
    """Each named query in a forked process, stopped at ``timeout`` seconds."""
    ctx = mp.get_context("fork")
    results: dict[str, dict] = {}
    for name in queries.available():
        out = ctx.Queue()
        proc = ctx.Process(target=_count_rows, args=(name, out))
        proc.start()
        proc.join(timeout)
        if proc.is_alive():
            proc.kill()
            proc.join()
            results[name] = {"seconds": None, "rows": None}
        elif proc.exitcode != 0:
            results[name] = {"seconds": None, "rows": None, "error": proc.exitcode}
        else:
            seconds, rows = out.get()
            results[name] = {"seconds": round(seconds, 2), "rows": rows}
        print(f"  {name:<24} {results[name]}", file=sys.stderr, flush=True)
    return results


def _rss_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def measure(kind: str, path: Path, timeout: float) -> dict:
    """Load ``path`` into a fresh ``kind`` store and run every named query (this process only)."""
    global _DS, _LOCATION
    location = path.parent / f"{kind}-store"
    ds = store.open_store(kind, location if kind == "oxigraph" else None)
    t = time.perf_counter()
    n = store.load(ds, path)
    report = {"store": kind, "triples": n, "load_seconds": round(time.perf_counter() - t, 1),
              "rss_after_load_mb": _rss_mb()}
    print(f"{kind}: loaded {n:,} triples in {report['load_seconds']} s", file=sys.stderr, flush=True)
    if kind == "oxigraph":  # each query process opens the directory itself (RocksDB is not fork-safe)
        ds.close()
        _DS, _LOCATION = None, location
    else:
        _DS, _LOCATION = ds, None
    report["queries"] = _run_queries(timeout)
    report["rss_peak_mb"] = _rss_mb()
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--statements", type=int, default=47_000, help="statements to generate (default 47,000)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per query (default 300)")
    ap.add_argument("--stores", default="oxigraph,memory", help="stores to measure (default oxigraph,memory)")
    ap.add_argument("--json", metavar="FILE", help="also write the figures here")
    ap.add_argument("--measure", nargs=2, metavar=("STORE", "NQ"), help=argparse.SUPPRESS)  # the child
    a = ap.parse_args()
    if a.measure:
        print(json.dumps(measure(a.measure[0], Path(a.measure[1]), a.timeout)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.nq"
        t = time.perf_counter()
        n = generate(a.statements, path)
        print(f"generated {a.statements:,} statements, {n:,} quads in {time.perf_counter() - t:.1f} s",
              file=sys.stderr, flush=True)
        reports = []
        for kind in a.stores.split(","):
            run = subprocess.run(
                [sys.executable, __file__, "--measure", kind, str(path), "--timeout", str(a.timeout)],
                stdout=subprocess.PIPE, text=True, check=True,
            )
            reports.append(json.loads(run.stdout))
    figures = {"statements": a.statements, "quads": n, "timeout": a.timeout, "stores": reports}
    if a.json:
        Path(a.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
