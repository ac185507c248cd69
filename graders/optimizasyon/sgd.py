"""Değerlendirici: SGD (momentum, Nesterov, ağırlık sönümü)."""

import torch

from tutor import messages as M
from tutor.grading.optim import OptimCase, OptimizerGrader

DECAY_AFTER_MOMENTUM = (
    "Ağırlık sönümü momentum tamponundan sonra eklenmiş: tampon sönümü hiç görmüyor. PyTorch'ta "
    "sönüm önce gradyana eklenir (g ← g + λ·p), tampon bu g ile güncellenir."
)
EMA_MOMENTUM = (
    "Momentum tamponu üstel ortalama gibi güncellenmiş: buf = μ·buf + (1 − μ)·g. PyTorch "
    "(1 − μ) ile çarpmaz: ilk adımda buf = g, sonra buf = μ·buf + g."
)
IGNORES_GROUP_LR = (
    "Öğrenme oranı grubun kendi değeri (group['lr']) yerine kurucunun varsayılanından "
    "(lr={lr:g}) alınmış; her grubun ayarlarını o grubun sözlüğünden okuyun."
)
IGNORES_NESTEROV = (
    "nesterov=True yok sayılmış: adım yönü olarak tamponun kendisi kullanılmış. Nesterov "
    "momentumunda adım yönü g + μ·buf'tur."
)
MOMENTUM_BUFFER = "momentum tamponu ve parametre"


def sgd_path(
    ctx, *, decay_after=False, ema=False, lr_from_defaults=False, nesterov=True, none_as_zero=False
):
    """SGD'nin izlediği yol; bayraklar yaygın hataları yeniden üretir."""
    params, buffers, path = ctx.start(), [None] * len(ctx.data.params), []
    for step in range(len(ctx.data.grads)):
        for i, p in enumerate(params):
            s, g = ctx.settings[i], ctx.grad(step, i)
            if g is None:
                if not none_as_zero:
                    continue
                g = torch.zeros_like(p)
            mu, wd = s["momentum"], s["weight_decay"]
            if wd and not decay_after:
                g = g + wd * p
            direction = g
            if mu:
                if buffers[i] is None:
                    buffers[i] = (1 - mu) * g if ema else g.clone()
                else:
                    buffers[i] = mu * buffers[i] + ((1 - mu) if ema else 1 - s["dampening"]) * g
                direction = g + mu * buffers[i] if s["nesterov"] and nesterov else buffers[i]
            if wd and decay_after:
                direction = direction + wd * p
            p -= (ctx.defaults["lr"] if lr_from_defaults else s["lr"]) * direction
        path.append([p.clone() for p in params])
    return path


def diagnose(ctx):
    """Yollar ayrıştıysa: hangi yaygın hata öğrencinin sayılarını açıklıyor?"""
    if ctx.explains(sgd_path(ctx, decay_after=True)):
        return DECAY_AFTER_MOMENTUM
    if ctx.explains(sgd_path(ctx, ema=True)):
        return EMA_MOMENTUM
    if ctx.explains(sgd_path(ctx, nesterov=False)):
        return IGNORES_NESTEROV
    if ctx.explains(sgd_path(ctx, lr_from_defaults=True)):
        return IGNORES_GROUP_LR.format(lr=ctx.defaults["lr"])
    if ctx.explains(sgd_path(ctx, none_as_zero=True)):
        return M.DIAG_OPT_NONE_AS_ZERO.format(state=MOMENTUM_BUFFER)
    return None


GRADER = OptimizerGrader(
    symbol="SGD",
    reference=torch.optim.SGD,
    diagnose=diagnose,
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
