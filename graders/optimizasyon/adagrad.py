"""Değerlendirici: Adagrad."""

import torch

from tutor.grading.optim import OptimCase, OptimizerGrader

GRADER = OptimizerGrader(
    symbol="Adagrad",
    reference=torch.optim.Adagrad,
    cases=[
        OptimCase(
            "varsayılan ayarlar",
            note="Varsayılanlar: lr=1e-2, eps=1e-10; G ← G + g², p ← p − lr·g / (√G + eps).",
        ),
        OptimCase("lr=0.1", kwargs={"lr": 0.1}),
        OptimCase(
            "çok küçük gradyanlar (eps'in yeri)",
            grad_scale=1e-10,
            dtype=torch.float64,
            note="eps karekökün dışında eklenir: √G + eps.",
        ),
        OptimCase(
            "gradyanı None olan parametre",
            kwargs={"lr": 0.1},
            grad_none=((1, 4, 9), (2, 1, 25)),
            note="grad'ı None olan parametre atlanmalı; birikmiş toplamı değişmemeli.",
        ),
        OptimCase(
            "farklı öğrenme oranlı parametre grupları",
            kwargs={"lr": 0.1},
            groups=({"params": (0,)}, {"params": (1, 2), "lr": 0.01, "eps": 1e-6}),
        ),
    ],
)
