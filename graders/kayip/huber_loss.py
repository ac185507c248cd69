"""Değerlendirici: huber_loss."""

import math

import torch
import torch.nn.functional as F

from tutor.grading.compare import RemoteTensor
from tutor.grading.losses import LossGrader
from tutor.grading.spec import Case, inputs

IGNORES_DELTA = (
    "delta argümanı kullanılmamış: kaybınız delta = 1 ile hesaplanana eşit; bu durumda "
    "delta = {delta:g}."
)
SMOOTH_L1 = (
    "SmoothL1 formülü yazılmış: kaybınız Huber kaybının delta'ya bölünmüşüne eşit. Huber'de "
    "|hata| < delta ise 0.5 · hata², değilse delta · (|hata| − 0.5 · delta)."
)
NO_OFFSET = (
    "Doğrusal parçada −0.5 · delta terimi eksik: |hata| ≥ delta iken kayıp "
    "delta · (|hata| − 0.5 · delta) olmalı; iki parça delta'da ancak böyle birleşir."
)
NO_HALF = (
    "Karesel parçada 0.5 çarpanı eksik: |hata| < delta iken kayıp 0.5 · hata² olmalı; iki "
    "parça delta'da ancak böyle birleşir."
)


def _value(got):
    """Öğrencinin kaybı bir sayı olarak; 0 boyutlu bir tensör değilse None."""
    if isinstance(got, RemoteTensor) and got.tensor.dim() == 0:
        return float(got.tensor)
    return None


def _same(value, wanted):
    """İki kayıp aynı mı (NaN ile NaN, sonsuz ile aynı işaretli sonsuz da aynıdır)?"""
    wanted = float(wanted)
    if not math.isfinite(value) or not math.isfinite(wanted):
        return value == wanted or (math.isnan(value) and math.isnan(wanted))
    return math.isclose(value, wanted, rel_tol=1e-4, abs_tol=1e-6)


def _huber(error, delta, half=0.5, offset=0.5):
    small = error.abs() < delta
    return torch.where(small, half * error**2, delta * (error.abs() - offset * delta)).mean()


def diagnose(data, got, expected):
    """Kayıp farklıysa: delta mı yok sayılmış, SmoothL1 mi yazılmış, bir parçanın çarpanı
    ya da terimi mi eksik?"""
    value = _value(got)
    if value is None:
        return None
    error = data.args[0].detach().double() - data.args[1].detach().double()
    delta = float(data.kwargs.get("delta", data.args[2] if len(data.args) > 2 else 1.0))
    if delta != 1.0 and _same(value, _huber(error, 1.0)):
        return IGNORES_DELTA.format(delta=delta)
    if delta != 1.0 and _same(value, _huber(error, delta) / delta):
        return SMOOTH_L1
    if _same(value, _huber(error, delta, offset=0.0)):
        return NO_OFFSET
    if _same(value, _huber(error, delta, half=1.0)):
        return NO_HALF
    return None


# Hatalar (pred - target) delta = 1'in iki yanında: küçükler karesel, büyükler doğrusal bölgede.
ERRORS = [-3.0, -1.5, -0.7, -0.2, 0.1, 0.6, 0.95, 1.05, 2.0, 4.5]


def _pair(g, *shape, dtype=torch.float32, scale=1.0, **kwargs):
    pred = g.randn(*shape, dtype=dtype, scale=scale)
    target = g.randn(*shape, dtype=dtype, scale=scale)
    return inputs(pred, target, **kwargs)


def _both_sides(g, delta=None):
    target = g.randn(len(ERRORS))
    scale = 1.0 if delta is None else delta
    pred = target + torch.tensor(ERRORS) * scale
    return inputs(pred, target) if delta is None else inputs(pred, target, delta=delta)


def _reference(pred, target, delta=1.0):
    return F.huber_loss(pred, target, delta=delta)


GRADER = LossGrader(
    symbol="huber_loss",
    arg_names=("pred", "target", "delta"),
    reference=_reference,
    forbidden=("huber_loss", "smooth_l1_loss"),
    forbidden_names=("HuberLoss", "SmoothL1Loss"),
    diagnose=diagnose,
    cases=[
        Case("küçük girdiler (4×3)", lambda g: _pair(g, 4, 3)),
        Case(
            "delta'nın iki yanındaki hatalar",
            _both_sides,
            note="|hata| < delta ise 0.5·hata², değilse delta·(|hata| − 0.5·delta).",
        ),
        Case(
            "delta=0.5",
            lambda g: _both_sides(g, delta=0.5),
            note="delta argümanını formülün her iki parçasında da kullanın.",
        ),
        Case(
            "delta=2.5",
            lambda g: _both_sides(g, delta=2.5),
            note="delta argümanını formülün her iki parçasında da kullanın.",
        ),
        Case("aykırı değerler (büyük hatalar)", lambda g: _pair(g, 6, 3, scale=1e3)),
        Case("tek eleman", lambda g: _pair(g, 1)),
        Case("3 boyutlu girdiler", lambda g: _pair(g, 2, 3, 4, scale=2.0)),
        Case("float64", lambda g: _pair(g, 5, 4, dtype=torch.float64, scale=2.0, delta=0.8)),
        Case("rastgele şekil", lambda g: _pair(g, *g.shape(1, 3), scale=2.0), repeat=3),
    ],
)
