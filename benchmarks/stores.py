"""Loading about 1M statement triples and running the named queries: rdflib memory vs Oxigraph.

Run from the repository root::

    .venv/bin/python benchmarks/stores.py                  # about 1,000,000 triples
    .venv/bin/python benchmarks/stores.py --statements 5000   # a quick look

The graph is synthetic but has the shape ``kg build`` writes: statements
(``kg.rdf.to_dataset``, one named graph per article) by a few hundred actors
about each other and a few topics, with seeded random stances, written once as
N-Quads. Each store then loads that file through ``kg.store.load`` (the same
code ``kg query`` uses), and every named query in ``ontology/queries`` runs on
it once, with no bindings (the whole graph). Times are wall clock on this
machine; queries time out after ``--timeout`` seconds each.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import tempfile
import time
from pathlib import Path

from kg import queries, rdf, store
from kg.records import Actor, ActorType, Article, Kind, Paragraph, Section, Stance, Statement, Topic

TYPES = (ActorType.PERSON, ActorType.ORGANIZATION, ActorType.COUNTRY, ActorType.GROUP)


def corpus(n_statements: int, seed: int = 7) -> tuple[list[Article], list[Statement]]:
    """Seeded synthetic statements: 20 per article, a few hundred actors, 50 topics."""
    rnd = random.Random(seed)
    actors = [Actor(f"Actor {i}", f"Actor {i}", TYPES[i % 4]) for i in range(400)]
    topics = [Topic(f"topic {i}", f"topic {i}") for i in range(50)]
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


_DS = None  # the store under test, inherited by the forked query processes


def _run_queries(ds, timeout: float) -> dict[str, str]:
    """Each named query in a forked process (stores cannot be pickled), killed at ``timeout``."""
    global _DS
    _DS = ds
    ctx = mp.get_context("fork")
    out: dict[str, str] = {}
    for name in queries.available():
        rows = ctx.Queue()
        proc = ctx.Process(target=_count_rows, args=(name, rows))
        t = time.perf_counter()
        proc.start()
        proc.join(timeout)
        if proc.is_alive():
            proc.kill()
            proc.join()
            out[name] = f"> {timeout:g} s (stopped)"
        else:
            out[name] = f"{time.perf_counter() - t:.2f} s, {rows.get()} rows"
    return out


def _count_rows(name: str, rows) -> None:
    rows.put(len(queries.run(_DS, name)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--statements", type=int, default=50_000, help="statements to generate (default 50,000)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per query (default 300)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        articles, statements = corpus(a.statements)
        t = time.perf_counter()
        ds = rdf.to_dataset(statements, articles)
        path = Path(tmp) / "graph.nq"
        path.write_bytes(ds.serialize(format="nquads", encoding="utf-8"))
        n = sum(1 for _ in ds.quads((None, None, None, None)))
        print(f"generated {len(statements):,} statements, {n:,} quads in {time.perf_counter() - t:.1f} s")
        del ds
        for kind in ("memory", "oxigraph"):
            target = store.open_store(kind, Path(tmp) / kind if kind == "oxigraph" else None)
            t = time.perf_counter()
            store.load(target, path)
            load_s = time.perf_counter() - t
            print(f"\n{kind}: loaded in {load_s:.1f} s")
            for name, v in _run_queries(target, a.timeout).items():
                print(f"  {name:<28} {v}")


if __name__ == "__main__":
    main()
