"""Extraction quality on every annotated set in the repository, one table.

Run from the repository root::

    .venv/bin/python benchmarks/quality.py                 # seed and every story set
    .venv/bin/python benchmarks/quality.py heldout3 train2  # some sets only

Each set is a folder of gold annotations with its texts (``tests/fixtures/gold`` with
``seeds/`` for the seed, ``benchmarks/stories/<set>/gold`` with ``…/docs`` for the
stories; see ``benchmarks/stories/README.md`` for which sets were used to develop and
train the tool and which were not). For each it prints precision, recall and F1 of
attribution, stance and triples, as ``kg evaluate`` does (same matching,
``kg.evaluate``), with the number of required gold statements.

The figures on a set are only as good as its history: a set used to find failure
classes or to train the learned stance flatters the tool; the held-out set of a round
is the figure for articles nobody on the team looked at while changing the code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "benchmarks" / "stories"
LEVELS = ("attribution", "stance", "triple")


def sets() -> dict[str, tuple[Path, Path]]:
    """Set name -> (gold folder, texts folder), the seed first."""
    out = {"seed": (ROOT / "tests" / "fixtures" / "gold", ROOT / "seeds")}
    for d in sorted(p for p in STORIES.iterdir() if (p / "gold").is_dir()):
        out[d.name] = (d / "gold", d / "docs")
    return out


def main(argv: list[str] | None = None) -> int:
    from kg.evaluate import evaluate_files

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help="sets to measure (default: all)")
    args = ap.parse_args(argv)
    known = sets()
    unknown = [n for n in args.names if n not in known]
    if unknown:
        print(f"quality.py: unknown set(s) {', '.join(unknown)}; known: {', '.join(known)}", file=sys.stderr)
        return 2
    print("| set | documents | required | " + " | ".join(f"{k} P / R / F1" for k in LEVELS) + " |")
    print("| --- | ---: | ---: | " + " | ".join("---:" for _ in LEVELS) + " |")
    for name in args.names or known:
        gold, docs = known[name]
        scores = evaluate_files([gold], docs)
        cells = [f"{scores[k]['p']:.3f} / {scores[k]['r']:.3f} / **{scores[k]['f1']:.3f}**" for k in LEVELS]
        print(f"| {name} | {scores['documents']} | {scores['triple']['gold']} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
