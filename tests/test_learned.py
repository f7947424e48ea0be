"""The learned stance: a second opinion on statements the rules call neutral claims.

It may only replace a "claim" made with a neutral cue, only when confident
enough, or a stance the rules read from such a statement's content, only when
surer still (its ``override``); it says so in ``stance_fine``; a model file that
is not one is an error naming the file; training is deterministic and its output
loads.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from kg.errors import UsageError
from kg.extract import learned
from kg.nlp import load
from kg.records import Candidate, Kind, Mention, Stance

ROOT = Path(__file__).resolve().parent.parent
SPEAKER = Mention("Ann Rourke", 0, 10, "Ann Rourke", "PERSON")
#: A hand-made model: "disgrace" means criticism, "maybe" leaves it unsure.
MODEL = learned.Model(
    labels=("claim", "criticize"),
    weights={"w=disgrace": (0.0, 4.0), "w=maybe": (0.0, 1.0)},
    intercepts=(1.0, 0.0),
    threshold=0.6,
)


def _cand(text: str, stance: Stance = Stance.CLAIM, cue: str = "say") -> tuple[Candidate, list]:
    toks = list(load()(text))
    return Candidate(SPEAKER, stance, Kind.DIRECT, cue, 0, 3, 0, len(text), 0, len(text)), toks


def _apply(text: str, stance: Stance = Stance.CLAIM, cue: str = "say", model: learned.Model = MODEL) -> Candidate:
    cand, toks = _cand(text, stance, cue)
    return learned.apply([cand], lambda c: toks, model)[0]


def test_a_neutral_claim_takes_the_models_stance_and_says_so():
    out = _apply("This bill is a disgrace.")
    assert out.stance is Stance.CRITICIZE
    assert out.stance_fine == learned.LEARNED


def test_the_model_is_ignored_below_its_threshold():
    assert _apply("Maybe it will pass.").stance is Stance.CLAIM


def test_a_stance_the_rules_read_from_the_content_stays_when_the_model_has_no_override():
    assert _apply("This bill is a disgrace.", Stance.WARN).stance is Stance.WARN


def test_a_stance_the_rules_read_from_the_content_is_overruled_only_above_the_override():
    surer = replace(MODEL, override=0.9)
    out = _apply("This bill is a disgrace.", Stance.WARN, model=surer)  # criticize at 0.95
    assert (out.stance, out.stance_fine) == (Stance.CRITICIZE, learned.LEARNED)
    assert _apply("Maybe it is a disgrace.", Stance.WARN, model=replace(MODEL, override=0.99)).stance is Stance.WARN
    assert _apply("Maybe it will pass.", Stance.WARN, model=surer).stance is Stance.WARN  # 0.5 either way


def test_overruling_the_rules_never_turns_praise_into_blame():
    surer = replace(MODEL, override=0.9)
    assert _apply("This bill is a disgrace.", Stance.SUPPORT, model=surer).stance is Stance.SUPPORT
    assert learned.reverses(Stance.SUPPORT, Stance.CRITICIZE) and not learned.reverses(Stance.WARN, Stance.CLAIM)


def test_a_cue_with_a_stance_of_its_own_is_never_replaced():
    # "deny" carries its own stance; a claim under it (negated, say) is the rules' call
    assert _apply("This bill is a disgrace.", Stance.CLAIM, "deny").stance is Stance.CLAIM


def test_features_see_who_speaks_and_how():
    toks = list(load()("If you do not pay, we will strike."))
    feats = learned.features(toks, "tell", "mixed")
    assert {"cue=tell", "kind=mixed", "rule=claim", "cond", "neg", "subj=1", "subj=2", "modal=will",
            "w=strike", "b=not_pay", "root=strike"} <= feats


def test_features_see_the_stance_of_the_sentence_before():
    for gap in (" ", "\n\n"):  # in the same paragraph or closing the one before
        text = f"Amara Jensen condemned the veto.{gap}“Drivers do not work those hours for love,” she said."
        toks = list(load()(text))
        start = text.index("“")
        content = [t for t in toks if start < t.idx < text.index("”")]
        assert "before=criticize" in learned.features(content, "say", "direct", start=start), repr(gap)
        assert not any(f.startswith("before=") for f in learned.features(content, "say", "direct"))
    text = "“Drivers do not work those hours for love,” said Amara Jensen, who condemned the veto."
    toks = list(load()(text))
    assert not any(f.startswith("before=") for f in learned.features(toks[1:10], "say", "direct", start=0))


def test_the_shipped_model_loads_with_valid_stances():
    m = learned.model()
    assert m is not None
    assert {Stance(label) for label in m.labels} >= {Stance.CLAIM, Stance.CRITICIZE}
    assert 0 < m.threshold < 1
    assert m.override is not None and m.threshold < m.override < 1  # surer to overrule the rules than a claim


def test_a_file_that_is_not_a_model_is_an_error_naming_it():
    with pytest.raises(UsageError, match="mine.json: not a stance model"):
        learned.Model.from_json({"labels": ["claim", "gossip"], "weights": {}, "intercepts": [0, 0],
                                 "threshold": 0.3}, "mine.json")
    with pytest.raises(UsageError, match="mine.json: not a stance model"):
        learned.Model.from_json({"labels": ["claim", "warn"], "weights": {"w=x": [1.0]},
                                 "intercepts": [0, 0], "threshold": 0.3}, "mine.json")


@pytest.mark.parametrize(
    "content, problem",
    [
        ("{not json", "cannot read the stance model"),
        ('{"labels": ["claim", "warn"], "weights": [], "intercepts": [0, 0], "threshold": 0.3}', "not a stance model"),
        ('{"labels": [], "weights": {}, "intercepts": [], "threshold": 0.3}', "two labels or more"),
        ('{"labels": ["claim", "warn"], "weights": {}, "intercepts": [0, 0], "threshold": NaN}', "threshold"),
        ('{"labels": ["claim", "warn"], "weights": {}, "intercepts": [0, 0], "threshold": 0.3, "override": 2}',
         "override 2.0 is not in"),
    ],
)
def test_a_broken_model_file_is_an_error_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "model.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=f"{path}: .*{problem}"):
        learned.load(path)


def test_switched_off_leaves_the_rules_alone():
    cand, toks = _cand("This bill is a disgrace.")
    with learned.switched_off():
        assert learned.apply([cand], lambda c: toks)[0].stance is Stance.CLAIM
    assert learned.apply([cand], lambda c: toks, MODEL)[0].stance is Stance.CRITICIZE


def test_training_refuses_a_gold_stance_outside_the_vocabulary(tmp_path):
    from kg.errors import GoldError
    from kg.train import examples

    gold = json.loads((ROOT / "tests/fixtures/gold/000_e8c90f5480013379.json").read_text(encoding="utf-8"))
    gold["statements"][0]["stance"] = "gossip"
    (tmp_path / "g.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(GoldError, match="gossip"):
        examples([tmp_path / "g.json"], ROOT / "seeds")


def test_kg_train_stance_with_nothing_to_do_is_a_usage_error(capsys):
    from kg.cli import main

    assert main(["train-stance", str(ROOT / "tests/fixtures/gold"), "--docs", str(ROOT / "seeds")]) == 2
    assert "nothing to do" in capsys.readouterr().err


def test_training_is_deterministic_and_learns_its_examples():
    pytest.importorskip("sklearn")
    examples = [({"w=disgrace", "cue=say"}, "criticize"), ({"w=talks", "cue=say"}, "claim"),
                ({"w=must", "cue=say"}, "demand")] * 4
    a, b = learned.train(examples), learned.train(examples)
    assert a.to_json() == b.to_json()
    assert a.predict({"w=disgrace", "cue=say"})[0] is Stance.CRITICIZE
    assert a.predict({"w=must", "cue=say"})[0] is Stance.DEMAND
    assert learned.Model.from_json(json.loads(json.dumps(a.to_json()))) == a
    assert a.override == learned.OVERRIDE
    never = learned.train(examples, override=None)
    assert "override" not in never.to_json() and learned.Model.from_json(never.to_json()).override is None


def test_kg_train_stance_on_the_seed_writes_a_model_that_loads(tmp_path):
    pytest.importorskip("sklearn")
    out = tmp_path / "model.json"
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "train-stance", "tests/fixtures/gold", "benchmarks/stories/dev/gold",
         "--docs", "seeds", "--docs", "benchmarks/stories/dev/docs", "--cv", "-o", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "leave-one-document-out over 5 documents" in proc.stdout
    m = learned.Model.from_json(json.loads(out.read_text()), str(out))
    assert len(m.labels) >= 3
