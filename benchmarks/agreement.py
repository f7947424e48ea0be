"""How well two annotators agree: the ceiling for the tool's figures.

Run from the repository root::

    .venv/bin/python benchmarks/agreement.py

A second annotator, who saw neither the first annotation nor the tool, annotated the seed
article and the six ``heldout3`` stories again (``benchmarks/agreement/``). Here the second
annotation is scored against the first exactly as ``kg evaluate`` scores the tool: the
second annotator's required statements play the system, the first annotation is the gold
(same matching and folding, :mod:`kg.evaluate`). Stance agreement is also given over the
statements both annotators gave to the same speaker, with the labels they disagreed on.

The figures say how far our goal (stance F1 0.80, triple F1 0.70 on unseen articles) is
from what a careful reader reaches on the same texts, and which stance labels readers
themselves confuse.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks" / "agreement"
#: second annotation folder -> (first annotation folder, texts folder)
PAIRS = {
    "seed": (ROOT / "tests" / "fixtures" / "gold", ROOT / "seeds"),
    "heldout3": (ROOT / "benchmarks" / "stories" / "heldout3" / "gold", ROOT / "benchmarks" / "stories" / "heldout3" / "docs"),
}
LEVELS = ("detection", "attribution", "stance", "triple")


def as_system(second: dict, text: str) -> list[dict]:
    """The second annotation's required statements as system records (offsets from evidence)."""
    out = []
    for st in second["statements"]:
        if st.get("optional"):
            continue
        start = text.find(st["evidence"])
        if start < 0:
            raise SystemExit(f"{second['doc']}: evidence not in the text: {st['evidence'][:60]!r}")
        out.append({"doc": second["doc"], "speaker": st["speaker"], "stance": st["stance"],
                    "targets": st.get("targets", []), "start": start, "end": start + len(st["evidence"])})
    return out


def main() -> int:
    from kg.evaluate import align, load_gold, score

    print("| set | documents | first annotator's statements | " + " | ".join(f"{k} F1" for k in LEVELS)
          + " | same label, same speaker |")
    print("| --- | ---: | ---: | " + " | ".join("---:" for _ in LEVELS) + " | ---: |")
    confusions: Counter[tuple[str, str]] = Counter()
    for name, (first_dir, docs) in PAIRS.items():
        seconds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((HERE / name).glob("*.json"))]
        firsts = {g["doc"]: g for g in load_gold([first_dir])}
        golds = [firsts[s["doc"]] for s in seconds]
        texts = {g["doc"]: (docs / g["doc"]).read_text(encoding="utf-8") for g in golds}
        system = [r for s in seconds for r in as_system(s, texts[s["doc"]])]
        figures = score(golds, system, texts)
        same = both = 0
        for g in golds:
            mine = [r for r in system if r["doc"] == g["doc"]]
            for gs, si, level in align(g, mine, texts[g["doc"]]):
                if gs.get("optional") or level < 2:
                    continue
                both += 1
                same += gs["stance"] == mine[si]["stance"]
                if gs["stance"] != mine[si]["stance"]:
                    confusions[(gs["stance"], mine[si]["stance"])] += 1
        cells = " | ".join(f"{figures[k]['f1']:.3f}" for k in LEVELS)
        print(f"| {name} | {len(golds)} | {figures['triple']['gold']} | {cells} | {same} / {both} |")
    print()
    print("Labels the annotators disagreed on (first -> second): "
          + ", ".join(f"{a} -> {b} {n}" for (a, b), n in confusions.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
