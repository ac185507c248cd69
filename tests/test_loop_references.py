"""The loop graders' trusted halves agree with what they stand for (no worker, no sandbox).

- checkpoint: the reference run resumes from its own in-memory checkpoint; its resumed path
  must be exactly the path of training that never stopped, since the judge compares the
  learner's resumed training with it and calls it "kesintisiz eğitim".
- early_stopping: the judge's replay of the rule is the reference class, and each wrong rule it
  uses for diagnosis really differs from the rule on the sequences of the cases.
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest
import torch

from tutor.grading.driver import script as S
from tutor.grading.spec import Gen

ROOT = Path(__file__).resolve().parent.parent


def _grader_module(relative: str):
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(f"grader_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("optimizer", ["Adam", "SGD"])
@pytest.mark.parametrize("seed", [1, 2])
def test_checkpoint_reference_resumes_exactly(optimizer, seed):
    checkpoint = _grader_module("graders/egitim_dongusu/checkpoint.py")
    script = checkpoint._script(Gen(seed), optimizer)
    env = S.Environment(
        objects={
            "save_checkpoint": checkpoint.reference_save_checkpoint,
            "load_checkpoint": checkpoint.reference_load_checkpoint,
        }
    )
    S.run(env, script.ops)
    assert env.records["dosya"] == {"skipped": True}  # nothing read from disk here

    first = {op["as"]: op for op in script.ops if op["op"] == "new"}
    name, kwargs, _ = checkpoint.OPTIMIZERS[optimizer]
    straight = S.Environment(objects={})
    S.run(
        straight,
        [
            first["x"],
            first["y"],
            {**first["model"], "as": "net"},
            {
                "op": "new",
                "as": "opt",
                "spec": {
                    "type": "plain_optimizer",
                    "name": name,
                    "params": S.ref("net"),
                    "kwargs": kwargs,
                },
            },
            {
                "op": "steps",
                "model": S.ref("net"),
                "optimizer": S.ref("opt"),
                "x": S.ref("x"),
                "y": S.ref("y"),
                "n": 2 * checkpoint.EPOCH,
                "record": "kesintisiz",
            },
        ],
    )
    resumed = env.records["sürdürülen"]["states"]
    uninterrupted = straight.records["kesintisiz"]["states"][checkpoint.EPOCH :]
    assert len(resumed) == len(uninterrupted) == checkpoint.EPOCH
    for got, want in zip(resumed, uninterrupted):
        for key, value in want.items():
            assert torch.equal(got[key], value), key


def _reference_trace(module, values, kwargs):
    es = module.EarlyStoppingReference(**kwargs)
    return [(es.step(v), es.best_loss) for v in values]


def test_early_stopping_replay_is_the_reference_rule():
    module = _grader_module("graders/egitim_dongusu/early_stopping.py")
    for seed in range(40):
        script = module._random_walk(Gen(seed))
        values, kwargs = script.secret["values"], script.secret["kwargs"]
        replay = [(r, b) for _, _, b, r in module.simulate(values, **kwargs)]
        assert replay == _reference_trace(module, values, kwargs)


def test_early_stopping_fixed_sequences_avoid_ties_at_min_delta():
    """With min_delta > 0, `best - val > min_delta` and `val < best - min_delta` must agree."""
    module = _grader_module("graders/egitim_dongusu/early_stopping.py")
    for case in module.GRADER.cases:
        for seed in range(10):
            secret = case.make(Gen(seed)).secret
            values, kwargs = secret["values"], secret["kwargs"]
            delta = kwargs.get("min_delta", 0.0)
            best = math.inf
            for value in values:
                if delta:
                    assert (value < best - delta) == (best - value > delta), (case.name, value)
                if value < best - delta:
                    best = value


def test_early_stopping_each_wrong_rule_shows_in_some_case():
    module = _grader_module("graders/egitim_dongusu/early_stopping.py")
    scripts = [case.make(Gen(3)) for case in module.GRADER.cases]
    for options, _ in module.VARIANTS:
        assert any(
            module.simulate(s.secret["values"], **s.secret["kwargs"], **options)
            != module.simulate(s.secret["values"], **s.secret["kwargs"])
            for s in scripts
        ), options
