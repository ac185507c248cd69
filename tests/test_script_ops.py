"""The script ops that fitting exercises use: a fit shared by the cases that judge it, a model
that cannot reach the next stage reported rather than raised, data kept on the CPU."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from tutor.grading.driver import script as S


def _env(objects: dict, transfer: bool = False, device: str = "cpu") -> S.Environment:
    return S.Environment(objects=objects, transfer=transfer, device=torch.device(device))


def _counting_fit(calls: list):
    def fit(X, y):
        calls.append(X.device.type)
        return nn.Linear(1, 1)

    return fit


def _fit_ops(X: torch.Tensor) -> list[dict]:
    return [
        {
            "op": "once",
            "ops": [
                {"op": "call", "fn": "fit", "args": [X, X], "record": "dönen", "as": "model"},
                {"op": "export", "target": S.ref("model"), "record": "model"},
            ],
        }
    ]


def test_once_runs_a_fit_once_and_replays_it_for_the_next_case_with_the_same_data():
    calls: list = []
    fit = _counting_fit(calls)
    X = torch.randn(8, 1)
    first = S.run(_env({"fit": fit}), _fit_ops(X))
    second = S.run(_env({"fit": fit}), _fit_ops(X.clone()))
    assert len(calls) == 1
    assert second["records"]["dönen"] == first["records"]["dönen"] == {"type": "Linear"}
    assert second["records"]["model"]["object"] is first["records"]["model"]["object"]


def test_once_runs_again_for_other_data():
    calls: list = []
    fit = _counting_fit(calls)
    S.run(_env({"fit": fit}), _fit_ops(torch.randn(8, 1)))
    S.run(_env({"fit": fit}), _fit_ops(torch.randn(8, 1)))
    assert len(calls) == 2


def test_once_raises_again_what_the_fit_raised_without_running_it_again():
    calls: list = []

    def fit(X, y):
        calls.append(1)
        raise IndexError("Target 4 is out of bounds.")

    X = torch.randn(8, 1)
    for _ in range(2):
        with pytest.raises(IndexError, match="out of bounds"):
            S.run(_env({"fit": fit}), _fit_ops(X))
    assert len(calls) == 1


def test_a_model_whose_class_cannot_be_pickled_is_recorded_as_such_in_the_next_stage():
    def fit(X, y):
        class Local(nn.Module):
            def forward(self, x):
                return x

        return Local()

    first = S.run(_env({"fit": fit}, transfer=True), _fit_ops(torch.randn(4, 1)))
    assert "unpicklable" in first["records"]["model"]
    second = _env({}, transfer=True)
    S.run(second, [{"op": "receive", "value": first["records"]["model"], "as": "m", "record": "r"}])
    assert "unpicklable" in second.records["r"] and second.objects["m"] is None


def test_receive_loads_a_model_that_travelled():
    model = nn.Linear(2, 1)
    first = _env({"model": model}, transfer=True)
    S.run(first, [{"op": "export", "target": S.ref("model"), "record": "model"}])
    second = _env({}, transfer=True)
    S.run(second, [{"op": "receive", "value": first.records["model"], "as": "m", "record": "r"}])
    assert second.records["r"] == {"ok": True}
    assert torch.equal(second.objects["m"].weight, model.weight)


def test_device_keeps_the_data_of_nested_ops_on_the_given_device():
    calls: list = []
    env = _env({"fit": _counting_fit(calls)}, device="meta")
    S.run(env, [{"op": "device", "device": "cpu", "ops": _fit_ops(torch.randn(3, 1))}])
    assert calls == ["cpu"]
    assert env.device == torch.device("meta")


def test_the_engine_training_reports_each_epoch_out_of_how_many():
    seen: list[dict] = []
    env = _env({"model": nn.Linear(2, 3)})
    env.progress = seen.append
    x, y = torch.randn(16, 2), torch.randint(0, 3, (16,))
    S.run(
        env, [{"op": "train", "model": S.ref("model"), "x": x, "y": y, "epochs": 3, "record": "t"}]
    )
    assert seen == [{"epoch": 0, "of": 3}, {"epoch": 1, "of": 3}, {"epoch": 2, "of": 3}]
