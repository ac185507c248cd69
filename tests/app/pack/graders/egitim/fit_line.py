"""Değerlendirici: fit_line (kayıp eğrisi sonuç panelinde çizilir)."""

from __future__ import annotations

import math

from tutor.grading.spec import Gen, Grader, Outcome, PreparedCase

STEPS = 50


class FitLineGrader(Grader):
    symbols = ("fit_line",)

    def build_cases(self, seed: int) -> list[PreparedCase]:
        g = Gen(seed)
        x = g.uniform(64, low=-1.0, high=1.0)
        y = 3.0 * x + 0.5
        return [PreparedCase(0, "kayıp düşüyor", seed, (x, y))]

    def run_case(self, namespace, case, device):
        x, y = case.data
        return [
            float(v) for v in namespace["fit_line"](x.to(device), y.to(device), steps=STEPS, lr=0.5)
        ]

    def check_case(self, case, result, device):
        if not isinstance(result, list) or len(result) != STEPS:
            return Outcome(False, f"{STEPS} öğeli bir kayıp listesi bekleniyordu.")
        losses = [float(v) for v in result]
        if not all(math.isfinite(v) for v in losses):
            return Outcome(False, "Kayıplardan biri sonlu değil (NaN ya da sonsuz).", losses)
        if losses[-1] > 0.05 * losses[0]:
            return Outcome(
                False,
                f"Kayıp yeterince düşmedi: ilk {losses[0]:.4g}, son {losses[-1]:.4g}.",
                losses,
            )
        return Outcome(True, "tamam", losses)


GRADER = FitLineGrader()
