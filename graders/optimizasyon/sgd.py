"""Değerlendirici: SGD (momentum, Nesterov, ağırlık sönümü)."""

import torch

from tutor.grading.optim import OptimCase, OptimizerGrader

GRADER = OptimizerGrader(
    symbol="SGD",
    reference=torch.optim.SGD,
    cases=[
        OptimCase("yalnızca öğrenme oranı", kwargs={"lr": 0.1}),
        OptimCase(
            "momentum",
            kwargs={"lr": 0.05, "momentum": 0.9},
            note="Momentum tamponu ilk adımda gradyanın kopyasıdır, sonra buf = μ·buf + g.",
        ),
        OptimCase(
            "Nesterov momentumu",
            kwargs={"lr": 0.05, "momentum": 0.9, "nesterov": True},
            note="nesterov=True iken adım yönü g + μ·buf olur; buf'un kendisi değil.",
        ),
        OptimCase(
            "ağırlık sönümü ve momentum",
            kwargs={"lr": 0.05, "momentum": 0.9, "weight_decay": 0.1},
            note="Ağırlık sönümü momentumdan önce gradyana eklenir: g ← g + λ·p.",
        ),
        OptimCase("ağırlık sönümü, momentumsuz", kwargs={"lr": 0.1, "weight_decay": 0.05}),
        OptimCase(
            "gradyanı None olan parametre",
            kwargs={"lr": 0.05, "momentum": 0.9},
            grad_none=((1, 5, 9), (2, 1, 25)),
            note="grad'ı None olan parametre o adımda atlanmalı; momentum tamponu da değişmemeli.",
        ),
        OptimCase(
            "farklı öğrenme oranlı parametre grupları",
            kwargs={"lr": 0.1, "momentum": 0.9},
            groups=(
                {"params": (0, 1)},
                {"params": (2,), "lr": 0.01, "momentum": 0.5, "nesterov": True},
            ),
            note="Her grubun kendi ayarlarını kullanın (group['lr'], group['momentum'], ...).",
        ),
        OptimCase(
            "çok küçük gradyanlar ve parametreler",
            kwargs={"lr": 0.1, "momentum": 0.9},
            grad_scale=1e-10,
            param_scale=1e-9,
            dtype=torch.float64,
            atol=0.0,
        ),
    ],
)
