"""Değerlendirici: AdamW (ayrıştırılmış ağırlık sönümü)."""

import torch

from tutor.grading.optim import OptimCase, OptimizerGrader

GRADER = OptimizerGrader(
    symbol="AdamW",
    reference=torch.optim.AdamW,
    cases=[
        OptimCase(
            "varsayılan ayarlar",
            note="Varsayılanlar: lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2.",
        ),
        OptimCase(
            "güçlü ağırlık sönümü",
            kwargs={"lr": 0.01, "weight_decay": 0.5},
            param_scale=3.0,
            grad_scale=0.1,
            note="AdamW'de sönüm gradyana eklenmez, parametreye doğrudan uygulanır: p ← p − lr·λ·p.",
        ),
        OptimCase(
            "çok küçük gradyanlar (eps'in yeri)",
            kwargs={"lr": 1e-3, "weight_decay": 0.0},
            grad_scale=1e-10,
            dtype=torch.float64,
            note="eps karekökün dışında eklenir: √v̂ + eps.",
        ),
        OptimCase(
            "gradyanı None olan parametre",
            kwargs={"lr": 0.01, "weight_decay": 0.1},
            grad_none=((1, 4, 9), (2, 1, 25)),
            note="grad'ı None olan parametre o adımda bütünüyle atlanır: ağırlık sönümü de uygulanmaz.",
        ),
        OptimCase(
            "sönümsüz grup (ör. sapmalar)",
            kwargs={"lr": 0.01, "weight_decay": 0.2},
            groups=({"params": (0, 2)}, {"params": (1,), "weight_decay": 0.0, "lr": 0.005}),
            note="Her grubun kendi weight_decay ve lr değerini kullanın.",
        ),
    ],
)
