"""Değerlendirici: mse_loss."""

import math

import torch
import torch.nn.functional as F

from tutor.grading.compare import RemoteTensor
from tutor.grading.losses import LossGrader
from tutor.grading.spec import Case, inputs

SUM_OVER_LAST_DIM = (
    "Her örneğin kare hataları son boyut boyunca toplanmış, ortalama yalnızca örnekler üzerinden "
    "alınmış (son boyutta {k} eleman var). MSE bütün elemanların ortalamasıdır: `.mean()`."
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


def diagnose(data, got, expected):
    """Kayıp farklıysa: kareler son boyutta toplanıp yalnızca örnekler üzerinden mi
    ortalanmış? (Bütün elemanların toplamını LossGrader kendisi söyler.)"""
    value = _value(got)
    pred, target = (t.detach().double() for t in data.args[:2])
    squares = (pred - target) ** 2
    if value is None or squares.dim() < 2 or squares.shape[-1] < 2:
        return None
    if _same(value, squares.sum(dim=-1).mean()):
        return SUM_OVER_LAST_DIM.format(k=squares.shape[-1])
    return None


def _pair(g, *shape, dtype=torch.float32, scale=1.0):
    return inputs(
        g.randn(*shape, dtype=dtype, scale=scale), g.randn(*shape, dtype=dtype, scale=scale)
    )


GRADER = LossGrader(
    symbol="mse_loss",
    arg_names=("pred", "target"),
    reference=F.mse_loss,
    forbidden=("mse_loss",),
    forbidden_names=("MSELoss",),
    diagnose=diagnose,
    cases=[
        Case("küçük girdiler (4×3)", lambda g: _pair(g, 4, 3)),
        Case("1 boyutlu girdiler", lambda g: _pair(g, 7)),
        Case("tek eleman", lambda g: _pair(g, 1)),
        Case(
            "büyük değerler",
            lambda g: _pair(g, 5, 4, scale=1e3),
            note="Kareler çok büyüse de ortalama doğru çıkmalı.",
        ),
        Case("3 boyutlu girdiler", lambda g: _pair(g, 2, 3, 4)),
        Case("bitişik olmayan girdi", lambda g: inputs(g.randn(3, 5).t(), g.randn(5, 3))),
        Case("float64", lambda g: _pair(g, 6, 2, dtype=torch.float64)),
        Case("rastgele şekil", lambda g: _pair(g, *g.shape(1, 3)), repeat=3),
    ],
)
