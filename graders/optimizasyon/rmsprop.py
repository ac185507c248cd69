"""Değerlendirici: RMSprop."""

import torch

from tutor import messages as M
from tutor.grading.optim import OptimCase, OptimizerGrader

ALPHA_SWAPPED = (
    "alpha ile 1 − alpha yer değiştirmiş: v ← (1 − α)·v + α·g² hesaplanmış. PyTorch'ta "
    "v ← α·v + (1 − α)·g²; α eski ortalamanın ağırlığıdır."
)
SQUARE_AVERAGE = "kare ortalaması (v)"


def rmsprop_path(ctx, *, swap_alpha=False, eps_inside=False, none_as_zero=False):
    """RMSprop'un izlediği yol; bayraklar yaygın hataları yeniden üretir."""
    params, path = ctx.start(), []
    averages = [torch.zeros_like(p) for p in params]
    for step in range(len(ctx.data.grads)):
        for i, p in enumerate(params):
            s, g = ctx.settings[i], ctx.grad(step, i)
            if g is None:
                if not none_as_zero:
                    continue
                g = torch.zeros_like(p)
            alpha = 1 - s["alpha"] if swap_alpha else s["alpha"]
            v = averages[i].mul_(alpha).add_((1 - alpha) * g * g)
            denom = torch.sqrt(v + s["eps"]) if eps_inside else v.sqrt() + s["eps"]
            p -= s["lr"] * g / denom
        path.append([p.clone() for p in params])
    return path


def diagnose(ctx):
    """Yollar ayrıştıysa: hangi yaygın hata öğrencinin sayılarını açıklıyor?"""
    if ctx.explains(rmsprop_path(ctx, swap_alpha=True)):
        return ALPHA_SWAPPED
    if ctx.explains(rmsprop_path(ctx, eps_inside=True)):
        return M.DIAG_OPT_EPS_INSIDE_SQRT.format(v="v")
    if ctx.explains(rmsprop_path(ctx, none_as_zero=True)):
        return M.DIAG_OPT_NONE_AS_ZERO.format(state=SQUARE_AVERAGE)
    return None


GRADER = OptimizerGrader(
    symbol="RMSprop",
    reference=torch.optim.RMSprop,
    diagnose=diagnose,
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
