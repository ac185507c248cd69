"""Değerlendirici: AdamW (ayrıştırılmış ağırlık sönümü)."""

import torch

from tutor import messages as M
from tutor.grading.optim import OptimCase, OptimizerGrader

CORRECTION2_WITHOUT_SQRT = (
    "√v, (1 − β2^t)'nin karekökü yerine kendisine bölünmüş: v̂ = v / (1 − β2^t) olduğundan "
    "√v̂ = √v / √(1 − β2^t)."
)
COUPLED_DECAY = (
    "Sönüm AdamW'deki gibi parametreye değil, Adam'daki gibi gradyana eklenmiş (g + λ·p). "
    "AdamW'de sönüm momentlerden ayrı, doğrudan parametreye uygulanır: p ← p − lr·λ·p."
)
DECAY_WITHOUT_LR = (
    "Sönüm öğrenme oranıyla çarpılmamış: p ← p − λ·p uygulanmış. AdamW'de p ← p − lr·λ·p."
)
DECAYS_WITHOUT_GRAD = (
    "grad'ı None olan parametreye de sönüm uygulanmış: o adımda parametre bütünüyle atlanmalı, "
    "sönüm de uygulanmamalı."
)


def adam_path(
    ctx,
    *,
    decay="decoupled",
    eps_inside=False,
    bias_correction=True,
    sqrt_correction2=True,
    global_step=False,
    decay_without_grad=False,
):
    """AdamW'nin izlediği yol; bayraklar yaygın hataları yeniden üretir. `decay`: "coupled"
    (g + λ·p, Adam), "decoupled" (p ← p − lr·λ·p, AdamW) ya da "no_lr" (p ← p − λ·p)."""
    params, path = ctx.start(), []
    moments = [None] * len(params)
    counts = [0] * len(params)
    for step in range(len(ctx.data.grads)):
        for i, p in enumerate(params):
            s, g = ctx.settings[i], ctx.grad(step, i)
            lr, wd, eps = s["lr"], s["weight_decay"], s["eps"]
            beta1, beta2 = s["betas"]
            if g is None and not (decay_without_grad and wd):
                continue
            if wd and decay == "decoupled":
                p.mul_(1 - lr * wd)
            elif wd and decay == "no_lr":
                p.mul_(1 - wd)
            if g is None:
                continue
            if wd and decay == "coupled":
                g = g + wd * p
            if moments[i] is None:
                moments[i] = (torch.zeros_like(p), torch.zeros_like(p))
            m, v = moments[i]
            m.mul_(beta1).add_((1 - beta1) * g)
            v.mul_(beta2).add_((1 - beta2) * g * g)
            counts[i] += 1
            t = step + 1 if global_step else counts[i]
            c1, c2 = (1 - beta1**t, 1 - beta2**t) if bias_correction else (1.0, 1.0)
            if eps_inside:
                denom = torch.sqrt(v / c2 + eps)
            elif sqrt_correction2:
                denom = v.sqrt() / c2**0.5 + eps
            else:
                denom = v.sqrt() / c2 + eps
            p -= lr * (m / c1) / denom
        path.append([p.clone() for p in params])
    return path


def diagnose(ctx):
    """Yollar ayrıştıysa: hangi yaygın hata öğrencinin sayılarını açıklıyor?"""
    if ctx.explains(adam_path(ctx, sqrt_correction2=False)):
        return CORRECTION2_WITHOUT_SQRT
    if ctx.explains(adam_path(ctx, decay="coupled")):
        return COUPLED_DECAY
    if ctx.explains(adam_path(ctx, decay="no_lr")):
        return DECAY_WITHOUT_LR
    if ctx.explains(adam_path(ctx, decay_without_grad=True)):
        return DECAYS_WITHOUT_GRAD
    if ctx.explains(adam_path(ctx, eps_inside=True)):
        return M.DIAG_OPT_EPS_INSIDE_SQRT.format(v="v̂")
    return None


GRADER = OptimizerGrader(
    symbol="AdamW",
    reference=torch.optim.AdamW,
    diagnose=diagnose,
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
