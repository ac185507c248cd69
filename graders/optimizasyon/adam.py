"""Değerlendirici: Adam."""

import torch

from tutor.grading.optim import OptimCase, OptimizerGrader

GRADER = OptimizerGrader(
    symbol="Adam",
    reference=torch.optim.Adam,
    cases=[
        OptimCase(
            "varsayılan ayarlar",
            note="Varsayılanlar: lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.",
        ),
        OptimCase(
            "başka öğrenme oranı ve betas",
            kwargs={"lr": 0.05, "betas": (0.8, 0.99)},
            note="İlk adımlarda yanlılık düzeltmesi belirleyicidir: m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t).",
        ),
        OptimCase(
            "çok küçük gradyanlar (eps'in yeri)",
            kwargs={"lr": 1e-3},
            grad_scale=1e-10,
            dtype=torch.float64,
            note="eps karekökün dışında eklenir: √v̂ + eps; gradyanlar eps'ten küçükken fark büyür.",
        ),
        OptimCase(
            "ağırlık sönümü",
            kwargs={"lr": 0.01, "weight_decay": 0.1},
            param_scale=3.0,
            note="Adam'da ağırlık sönümü gradyana eklenir (g ← g + λ·p), sonra momentler hesaplanır.",
        ),
        OptimCase(
            "gradyanı None olan parametre",
            kwargs={"lr": 0.01},
            grad_none=((1, 4, 9), (2, 1, 25)),
            note="Adım sayacı her parametrenin kendi durumunda tutulmalı; grad'ı None olan "
            "parametrenin sayacı ve momentleri o adımda değişmemeli.",
        ),
        OptimCase(
            "farklı ayarlı parametre grupları",
            kwargs={"lr": 0.01},
            groups=({"params": (0,)}, {"params": (1, 2), "lr": 0.001, "betas": (0.5, 0.9)}),
        ),
    ],
)
