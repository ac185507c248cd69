"""Değerlendirici: Adam."""

import torch

from tutor import messages as M
from tutor.grading.optim import OptimCase, OptimizerGrader

NO_BIAS_CORRECTION = (
    "Yanlılık düzeltmesi yapılmamış: m ve v sıfırdan başladığı için ilk adımlarda küçük kalır. "
    "m̂ = m / (1 − β1^t) ve v̂ = v / (1 − β2^t) ile düzeltin."
)
GLOBAL_STEP = (
    "Adım sayacı parametre başına değil, eniyileyici başına tutulmuş: grad'ı None olan bir "
    "parametre adım atlayınca onun yanlılık düzeltmesi kayıyor. t'yi her parametrenin kendi "
    "durumunda (state[p]) sayın."
)


def adam_path(
    ctx,
    *,
    decay="coupled",
    eps_inside=False,
    bias_correction=True,
    sqrt_correction2=True,
    global_step=False,
    decay_without_grad=False,
):
    """Adam'ın izlediği yol; bayraklar yaygın hataları yeniden üretir. `decay`: "coupled"
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
    if ctx.explains(adam_path(ctx, bias_correction=False)):
        return NO_BIAS_CORRECTION
    if ctx.explains(adam_path(ctx, eps_inside=True)):
        return M.DIAG_OPT_EPS_INSIDE_SQRT.format(v="v̂")
    if ctx.explains(adam_path(ctx, global_step=True)):
        return GLOBAL_STEP
    return None


GRADER = OptimizerGrader(
    symbol="Adam",
    reference=torch.optim.Adam,
    diagnose=diagnose,
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
