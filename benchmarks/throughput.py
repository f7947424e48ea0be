"""Words per second of the bare spaCy parse and of our whole extraction, on the same texts.

Run from the repository root::

    .venv/bin/python benchmarks/throughput.py                # about 300,000 words, 2 rounds
    .venv/bin/python benchmarks/throughput.py --words 50000 --rounds 1   # a quick look

The texts are the seed article(s) and the GUM Wikinews articles
(``../shared/corpus/gum/*.txt``), repeated until there are at least ``--words``
words (``str.split`` words, as ``wc -w`` counts them), written once to a JSON
Lines corpus in a temporary folder. Every measurement then runs in a fresh
process on that corpus, so that each has its own peak memory and none profits
from another's warm caches:

``spacy``
    ``kg.nlp.load()`` and ``nlp.pipe`` over the article texts, ``n_process=jobs``:
    the floor our design cannot go below.
``ours``
    ``kg.pipeline.extract`` on the corpus file with ``jobs`` worker processes and
    no cache: reading, parsing, extraction and actor resolution. With one job
    the time spent inside the parse (``kg.nlp.parse``) is clocked separately,
    which splits our own run into spaCy and the rest.

Model loading is outside the clock in both (the workers of ``jobs=2`` are
started inside it). The rounds alternate spacy/ours so that a slow spell of the
machine hits both; the fastest round of each counts. Peak memory is the
maximum resident set of the measuring process, plus that of its largest worker
when there are workers (``getrusage``, Linux kilobytes).
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "corpus" / "gum"]


def build_corpus(sources: list[Path], words: int, out: Path) -> dict:
    """Write the texts under ``sources``, repeated to ``words`` words, as JSON Lines."""
    from kg.sources import find_articles, read_article

    articles = [read_article(f) for f in find_articles(sources) if f.suffix == ".txt"]
    base = sum(len(a.text.split()) for a in articles)
    copies = max(1, math.ceil(words / base))
    with out.open("w", encoding="utf-8") as f:
        for k in range(copies):
            for a in articles:
                f.write(json.dumps({"id": f"{a.doc}#{k}", "text": a.text}, ensure_ascii=False) + "\n")
    return {"articles": len(articles), "base_words": base, "copies": copies,
            "documents": len(articles) * copies, "words": base * copies}


def _peak_kb() -> dict:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"peak_main_mb": own / 1024, "peak_worker_mb": kids / 1024, "peak_mb": (own + kids) / 1024}


def child(mode: str, corpus: Path, jobs: int, batch_size: int) -> dict:
    """One measurement, in this (fresh) process."""
    from kg import nlp, pipeline
    from kg.sources import read_corpus

    model = nlp.load()
    if mode == "spacy":
        texts = [a.text for a in read_corpus(corpus, [])]
        words = sum(len(t.split()) for t in texts)
        t0 = time.perf_counter()
        n = sum(1 for _ in model.pipe(texts, batch_size=batch_size, n_process=jobs))
        seconds = time.perf_counter() - t0
        return {"mode": mode, "jobs": jobs, "seconds": seconds, "words": words, "documents": n, **_peak_kb()}

    # clock the time spent inside the parse generator (one job: it runs here)
    parse_time = [0.0]
    real_parse = nlp.parse

    def timed_parse(articles, batch_size=batch_size):
        it = real_parse(articles, batch_size=batch_size)
        while True:
            t = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                parse_time[0] += time.perf_counter() - t
                return
            parse_time[0] += time.perf_counter() - t
            yield item

    nlp.parse = timed_parse
    t0 = time.perf_counter()
    result = pipeline.extract([corpus], jobs=jobs)
    seconds = time.perf_counter() - t0
    words = sum(len(a.text.split()) for a in result.articles)
    out = {"mode": mode, "jobs": jobs, "seconds": seconds, "words": words,
           "documents": len(result.articles), "statements": len(result.statements), **_peak_kb()}
    if jobs == 1:
        out["parse_seconds"] = parse_time[0]
    return out


def measure(mode: str, corpus: Path, jobs: int, batch_size: int) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--corpus", str(corpus), "--jobs", str(jobs),
           "--batch-size", str(batch_size)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _table(best: dict, info: dict) -> str:
    rows = ["| run | jobs | seconds | words/s | peak RSS (MB) |", "| --- | ---: | ---: | ---: | ---: |"]
    for (mode, jobs), r in sorted(best.items()):
        label = "bare spaCy (`nlp.pipe`)" if mode == "spacy" else "ours (`kg.pipeline.extract`)"
        rows.append(f"| {label} | {jobs} | {r['seconds']:.1f} | {r['words'] / r['seconds']:,.0f} | "
                    f"{r['peak_mb']:.0f} |")
    lines = ["\n".join(rows), ""]
    for jobs in sorted({j for _, j in best}):
        s, o = best.get(("spacy", jobs)), best.get(("ours", jobs))
        if s and o:
            lines.append(f"- {jobs} job(s): ours / bare spaCy = {o['seconds'] / s['seconds']:.3f} "
                         f"(overhead {100 * (o['seconds'] / s['seconds'] - 1):+.1f} %)")
    o1 = best.get(("ours", 1))
    if o1 and "parse_seconds" in o1:
        p = o1["parse_seconds"]
        rest = o1["seconds"] - p
        lines.append(f"- inside our 1-job run: parse {p:.1f} s ({o1['words'] / p:,.0f} words/s), "
                     f"everything else {rest:.1f} s ({100 * rest / p:.1f} % of the parse)")
    for mode in ("spacy", "ours"):
        a, b = best.get((mode, 1)), best.get((mode, 2))
        if a and b:
            lines.append(f"- {mode}: 2 jobs / 1 job speed-up {a['seconds'] / b['seconds']:.2f}x")
    lines.append(f"- texts: {info['articles']} articles, {info['base_words']:,} words, repeated "
                 f"{info['copies']} times = {info['documents']} documents, {info['words']:,} words")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=300_000, help="repeat the texts to at least this many words")
    ap.add_argument("--rounds", type=int, default=2, help="measurements of each kind (the fastest counts)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="job counts to measure")
    ap.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size (default 16, as kg.nlp)")
    ap.add_argument("--source", type=Path, action="append", help="folders of .txt articles (repeatable)")
    ap.add_argument("--json", type=Path, help="also write every measurement here")
    ap.add_argument("--child", choices=("spacy", "ours"), help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.jobs[0], args.batch_size)))
        return 0

    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        info = build_corpus(args.source or DEFAULT_SOURCES, args.words, corpus)
        print(f"corpus: {info}", file=sys.stderr)
        runs, best = [], {}
        for rnd in range(args.rounds):
            for jobs in args.jobs:
                for mode in ("spacy", "ours"):
                    r = measure(mode, corpus, jobs, args.batch_size)
                    r["round"] = rnd
                    runs.append(r)
                    print(f"round {rnd} {mode:5} jobs={jobs}: {r['seconds']:.1f} s, "
                          f"{r['words'] / r['seconds']:,.0f} words/s, peak {r['peak_mb']:.0f} MB",
                          file=sys.stderr)
                    key = (mode, jobs)
                    if key not in best or r["seconds"] < best[key]["seconds"]:
                        best[key] = r
    print(_table(best, info))
    if args.json:
        args.json.write_text(json.dumps({"corpus": info, "runs": runs}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
