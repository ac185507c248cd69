"""What the graders of fitting exercises share (a learner's function trains and returns a model).

A fitting grader (`fit_linear_regression`, `train_binary_classifier`, ...) is a `LoopGrader`
whose cases all judge the same fits: `SharedDataGrader` draws every case's data from one
stream. Each fit runs once per learner's process (`fit_op`, on the CPU: `on_cpu`), its model is
exported and, in a fresh process, asked for predictions on held-out inputs (`predict_ops`);
the records that come back are read here: the loss curve the fit was watched with, and why
there are no predictions to judge when there are none.
"""

from __future__ import annotations

import math
from typing import Any

import torch
from torch import nn

from tutor import messages as M
from tutor.grading.driver.script import MAX_EXPORT
from tutor.grading.loops import LoopGrader, Run, Script, ref, stage_value, tensor_of
from tutor.grading.spec import Gen, PreparedCase, case_seed
from tutor.numbers import decimal


class SharedDataGrader(LoopGrader):
    """Every case draws its data from one stream, so the cases judge the same fits."""

    def build_cases(self, seed: int) -> list[PreparedCase]:
        shared = case_seed(seed, 0)
        prepared = []
        for index, spec in enumerate(self.cases):
            script = spec.make(Gen(shared))
            if not isinstance(script, Script):
                raise TypeError(f"case '{spec.name}': make() must return Script(...)")
            prepared.append(PreparedCase(index, spec.name, case_seed(seed, index), script, spec))
        return prepared


class Standardize(nn.Module):
    """The first layer of a reference model: features scaled by the training statistics."""

    def __init__(self, mean: torch.Tensor, std: torch.Tensor):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return (x - self.mean) / self.std


# --- the script ------------------------------------------------------------------------------


def fit_op(symbol: str, name: str, data: dict, args: list[Any]) -> dict:
    """Seed every generator, call the learner's fit (watched), export the model it returned."""
    return {
        "op": "once",
        "ops": [
            {"op": "scramble", "seed": data["seed"]},
            {
                "op": "call",
                "fn": symbol,
                "args": args,
                "record": f"dönen {name}",
                "as": f"model {name}",
                "watch": True,
            },
            {"op": "export", "target": ref(f"model {name}"), "record": f"model {name}"},
        ],
    }


def on_cpu(ops: list[dict]) -> list[dict]:
    """The learner's model is built by the learner, on the CPU: its data stays there too."""
    return [{"op": "device", "device": "cpu", "ops": ops}]


def predict_ops(name: str, x: torch.Tensor) -> list[dict]:
    """In the second process: receive the exported model, record its predictions on `x`."""
    return [
        {
            "op": "receive",
            "value": stage_value(f"model {name}"),
            "as": f"model {name}",
            "record": f"alındı {name}",
        },
        {"op": "predict", "model": ref(f"model {name}"), "x": x, "record": f"tahmin {name}"},
    ]


# --- reading the records ---------------------------------------------------------------------


def watch(run: Run, name: str, expected: bool = False) -> dict:
    """What was seen while the fit ran (the learner's, or with `expected` the reference's)."""
    value = (run.expected if expected else run.record)(f"dönen {name}:watch")
    return value if isinstance(value, dict) else {}


def curve(watched: dict) -> list[float]:
    values = watched.get("curve")
    if not isinstance(values, list):
        return []
    return [float(v) for v in values if isinstance(v, (int, float))]


def shown(values: list[float]) -> list[float]:
    """The curve for the plot: up to its first NaN or infinity."""
    for i, value in enumerate(values):
        if not math.isfinite(value):
            return values[:i]
    return values


def still_decreasing(values: list[float]) -> bool:
    """The loss was still going down when training stopped."""
    if len(values) < 5:
        return False
    k = max(1, len(values) // 10)
    last, before = values[-k:], values[-2 * k : -k]
    return min(values) == values[-1] and sum(last) / k < sum(before) / k


def flat(values: list[float]) -> bool:
    """The same loss at every step: no parameter the loss depends on ever changed."""
    return len(values) >= 2 and max(values) - min(values) <= 1e-6 * abs(values[0])


def accuracy_message(accuracy: float, least: float) -> str:
    """ "görülmemiş noktalarda doğruluk %50,0; en az %95 olmalı." (Turkish percent and comma)."""
    return M.FIT_ACCURACY.format(acc=decimal(100 * accuracy, 1), least=f"{100 * least:g}")


def training_problem(watched: dict) -> str:
    """What the records of the fit say about a model that did not learn (may be nothing)."""
    values = curve(watched)
    steps, zero_grads = int(watched.get("steps", 0)), int(watched.get("zero_grads", 0))
    if steps == 0 and not values:
        return M.FIT_NOT_TRAINED
    if steps > 1 and zero_grads == 0:
        return M.FIT_NO_ZERO_GRAD
    if flat(values):
        return M.FIT_FLAT
    if still_decreasing(values):
        return M.FIT_STILL_DECREASING
    return ""


def model_problem(run: Run, symbol: str, name: str) -> str | None:
    """Why there are no predictions to judge, if there are none."""
    received = run.record(f"alındı {name}")
    if isinstance(received, dict) and "unpicklable" in received:
        return M.FIT_UNPICKLABLE.format(detail=received["unpicklable"])
    if isinstance(received, dict) and "too_large" in received:
        return M.FIT_TOO_LARGE.format(mb=received["too_large"] / 2**20, limit=MAX_EXPORT / 2**20)
    if isinstance(received, dict) and "unloadable" in received:
        return M.FIT_UNLOADABLE.format(detail=received["unloadable"])
    returned = run.record(f"dönen {name}")
    if returned is None or isinstance(returned, (bool, int, float, str, list, tuple)):
        return M.FIT_NOT_A_MODEL.format(fn=symbol, got=type(returned).__name__)
    if isinstance(returned, dict) and "tensor" in returned:
        return M.FIT_NOT_A_MODEL.format(fn=symbol, got="tensör")
    predicted = run.record(f"tahmin {name}")
    if isinstance(predicted, dict) and "raised" in predicted:
        return M.FIT_PREDICT_RAISED.format(
            exc_type=predicted["raised"], exc=predicted.get("message", "")
        )
    if tensor_of(predicted) is None:
        got = (
            predicted.get("type", "?") if isinstance(predicted, dict) else type(predicted).__name__
        )
        return M.FIT_NOT_TENSOR.format(got=got)
    return None
