"""Değerlendirici: Adagrad."""

import torch

from tutor import messages as M
from tutor.grading.optim import OptimCase, OptimizerGrader

NO_ACCUMULATION = (
    "Kareler biriktirilmemiş: her adımda yalnızca son gradyanın karesi kullanılmış. Adagrad'da "
    "G bütün adımların gradyan karelerinin toplamıdır: G ← G + g²."
)
SUM_WITHOUT_SQUARE = (
    "Gradyanların kareleri değil kendileri toplanmış: G negatif olunca √G = NaN çıkar. "
    "G ← G + g² olmalı."
)


def adagrad_path(ctx, *, eps_inside=False, accumulate=True, square=True):
    """Adagrad'ın izlediği yol (lr_decay ve weight_decay 0 iken); bayraklar yaygın hataları
    yeniden üretir."""
    params, path = ctx.start(), []
    sums = [
        torch.full_like(p, ctx.settings[i]["initial_accumulator_value"])
        for i, p in enumerate(params)
    ]
    for step in range(len(ctx.data.grads)):
        for i, p in enumerate(params):
            s, g = ctx.settings[i], ctx.grad(step, i)
            if g is None:
                continue
            added = g * g if square else g
            sums[i] = sums[i] + added if accumulate else added
            denom = torch.sqrt(sums[i] + s["eps"]) if eps_inside else sums[i].sqrt() + s["eps"]
            p -= s["lr"] * g / denom
        path.append([p.clone() for p in params])
    return path


def diagnose(ctx):
    """Yollar ayrıştıysa: hangi yaygın hata öğrencinin sayılarını açıklıyor?"""
    if ctx.explains(adagrad_path(ctx, eps_inside=True)):
        return M.DIAG_OPT_EPS_INSIDE_SQRT.format(v="G")
    if ctx.explains(adagrad_path(ctx, accumulate=False)):
        return NO_ACCUMULATION
    if ctx.explains(adagrad_path(ctx, square=False)):
        return SUM_WITHOUT_SQUARE
    return None


GRADER = OptimizerGrader(
    symbol="Adagrad",
    reference=torch.optim.Adagrad,
    diagnose=diagnose,
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
