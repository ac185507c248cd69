"""A FunctionGrader for loss functions.

A loss is called as `loss(prediction, target, ...)`. Only the prediction is something a
model produces and learns through; the target is data. So gradients are compared for the
prediction alone (by default the first argument): a float target never gets
`requires_grad`, and a reference whose target gradient is undefined or infinite (BCE at
probabilities 0 and 1) cannot fail a correct submission.

A loss is one number, so the messages talk about one number: a wrong value says expected
and actual plainly (not "1 of 1 elements at index []"), an exact integer multiple of the
expected value is named as a sum taken for a mean, and a loss that comes back unreduced or as
a Python number gets a sentence saying what a loss must be.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import torch

from tutor import messages as M
from tutor.grading.compare import RemoteTensor
from tutor.grading.spec import Case, FunctionGrader, Inputs


class LossGrader(FunctionGrader):
    """`FunctionGrader` whose gradients are checked only for the arguments in `grad_args`."""

    def __init__(self, *, grad_args: Sequence[int] = (0,), **kwargs: Any):
        super().__init__(**kwargs)
        self.grad_args = frozenset(grad_args)

    def _grad_inputs(self, data: Inputs) -> list[int]:
        return [i for i in super()._grad_inputs(data) if i in self.grad_args]

    def _compare_one(
        self, got: Any, expected: Any, what: str, spec: Case, device: torch.device
    ) -> str | None:
        problem = super()._compare_one(got, expected, what, spec, device)
        if problem is None or not isinstance(expected, torch.Tensor) or expected.dim() != 0:
            return problem
        if isinstance(got, (int, float)) and not isinstance(got, bool):
            return problem + " " + M.LOSS_PYTHON_NUMBER
        if not isinstance(got, RemoteTensor):
            return problem
        if got.tensor.dim() != 0:
            return problem + " " + M.LOSS_NOT_REDUCED
        if got.tensor.dtype != expected.dtype or got.device != str(expected.device):
            return problem
        value_problem = self._scalar_problem(
            float(got.tensor), float(expected), expected.dtype, spec
        )
        return value_problem or problem

    def _scalar_problem(
        self, actual: float, expected: float, dtype: torch.dtype, spec: Case
    ) -> str | None:
        """The value of a 0-dim loss that differs from the reference, said in one sentence."""
        if not math.isfinite(expected):
            return None
        if not math.isfinite(actual):
            if math.isnan(actual):
                kind = M.NONFINITE_NAN
            else:
                kind = M.NONFINITE_INF if actual > 0 else "-" + M.NONFINITE_INF
            return M.LOSS_NONFINITE.format(actual=kind, expected=expected)
        atol, rtol = self._tolerances(dtype, spec)
        diff = abs(actual - expected)
        message = M.LOSS_VALUE.format(
            expected=expected,
            actual=actual,
            abs_diff=diff,
            rel_diff=diff / abs(expected) if expected else math.inf,
            atol=atol,
            rtol=rtol,
        )
        if expected:
            ratio = actual / expected
            k = round(ratio)
            if k >= 2 and abs(ratio - k) <= 1e-4 * k:
                message += M.LOSS_MULTIPLE.format(k=k)
        return message
