"""Değerlendirici: RMSprop."""

import torch

from tutor.grading.optim import OptimCase, OptimizerGrader

GRADER = OptimizerGrader(
    symbol="RMSprop",
    reference=torch.optim.RMSprop,
    cases=[
        OptimCase(
            "varsayılan ayarlar",
            note="Varsayılanlar: lr=1e-2, alpha=0.99, eps=1e-8; v ← α·v + (1 − α)·g².",
        ),
        OptimCase("alpha=0.9, lr=0.001", kwargs={"lr": 0.001, "alpha": 0.9}),
        OptimCase(
            "çok küçük gradyanlar (eps'in yeri)",
            grad_scale=1e-10,
            dtype=torch.float64,
            note="eps karekökün dışında eklenir: √v + eps.",
        ),
        OptimCase(
            "gradyanı None olan parametre",
            kwargs={"lr": 0.01, "alpha": 0.9},
            grad_none=((1, 4, 9), (2, 1, 25)),
            note="grad'ı None olan parametre atlanmalı; kare ortalaması (v) o adımda azalmamalı.",
        ),
        OptimCase(
            "farklı ayarlı parametre grupları",
            kwargs={"lr": 0.01},
            groups=({"params": (0, 1)}, {"params": (2,), "lr": 0.002, "alpha": 0.8}),
        ),
    ],
)
