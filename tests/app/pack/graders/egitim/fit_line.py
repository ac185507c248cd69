"""Değerlendirici: fit_line (kayıp eğrisi sonuç panelinde çizilir)."""

from __future__ import annotations

import math

from tutor.grading.spec import Gen, Grader, Outcome, PreparedCase

STEPS = 50
LR = 0.5


def _reference(x, y) -> list[float]:
    """The same descent done right, on the trusted side: the curve drawn beside the learner's."""
    import torch

    w = torch.zeros((), dtype=torch.float64)
    b = torch.zeros((), dtype=torch.float64)
    x, y = x.double(), y.double()
    losses = []
    for _ in range(STEPS):
        error = w * x + b - y
        losses.append(float((error**2).mean()))
        w = w - LR * float((2 * error * x).mean())
        b = b - LR * float((2 * error).mean())
    return losses


class FitLineGrader(Grader):
    symbols = ("fit_line",)

    def build_cases(self, seed: int) -> list[PreparedCase]:
        g = Gen(seed)
        x = g.uniform(64, low=-1.0, high=1.0)
        y = 3.0 * x + 0.5
        return [PreparedCase(0, "kayıp düşüyor", seed, (x, y))]

    def plan(self, case, device):
        # Data for the engine's driver in the learner's process: call fit_line(x, y, ...).
        x, y = case.data
        return {
            "kind": "call",
            "symbol": "fit_line",
            "seed": case.seed,
            "args": [x, y],
            "kwargs": {"steps": STEPS, "lr": LR},
        }

    def check_case(self, case, result, device):
        result = result.get("out") if isinstance(result, dict) else None
        if not isinstance(result, list) or len(result) != STEPS:
            return Outcome(False, f"{STEPS} öğeli bir kayıp listesi bekleniyordu.")
        losses = [float(v) for v in result]
        reference = _reference(*case.data)
        if not all(math.isfinite(v) for v in losses):
            return Outcome(False, "Kayıplardan biri sonlu değil (NaN ya da sonsuz).", losses)
        if losses[-1] > 0.05 * losses[0]:
            return Outcome(
                False,
                f"Kayıp yeterince düşmedi: ilk {losses[0]:.4g}, son {losses[-1]:.4g}.",
                losses,
                reference,
            )
        return Outcome(True, "tamam", losses, reference)


GRADER = FitLineGrader()
