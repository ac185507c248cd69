"""Değerlendirici: l1_loss (ortalama mutlak hata)."""

import math

import torch
import torch.nn.functional as F

from tutor.grading.compare import RemoteTensor
from tutor.grading.losses import LossGrader
from tutor.grading.spec import Case, inputs

NO_ABS = (
    "Kaybınız hataların (tahmin − hedef) mutlak değeri alınmadan hesaplanan ortalamasına eşit: "
    "pozitif ve negatif hatalar birbirini götürüyor. L1 kaybı |tahmin − hedef|'in ortalamasıdır."
)
SQUARED = (
    "Kaybınız hataların karelerinin ortalamasına eşit: bu MSE'dir. L1 kaybında mutlak değer "
    "alınır: |tahmin − hedef|."
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
    """Kayıp farklıysa: mutlak değer mi unutulmuş, kare mi alınmış?"""
    value = _value(got)
    if value is None:
        return None
    error = data.args[0].detach().double() - data.args[1].detach().double()
    if _same(value, error.mean()):
        return NO_ABS
    if _same(value, (error**2).mean()):
        return SQUARED
    return None


def _pair(g, *shape, dtype=torch.float32, scale=1.0):
    return inputs(
        g.randn(*shape, dtype=dtype, scale=scale), g.randn(*shape, dtype=dtype, scale=scale)
    )


def _with_ties(g):
    """Tahminin bazı elemanları hedefe tam eşit: hata orada sıfır."""
    target = g.randn(3, 4)
    pred = target.clone()
    pred[0] += g.randn(4)
    pred[2, 1:] -= 2.0
    return inputs(pred, target)


GRADER = LossGrader(
    symbol="l1_loss",
    arg_names=("pred", "target"),
    reference=F.l1_loss,
    forbidden=("l1_loss",),
    forbidden_names=("L1Loss",),
    diagnose=diagnose,
    cases=[
        Case("küçük girdiler (4×3)", lambda g: _pair(g, 4, 3)),
        Case("1 boyutlu girdiler", lambda g: _pair(g, 7)),
        Case("tek eleman", lambda g: _pair(g, 1)),
        Case(
            "sıfır hata içeren elemanlar",
            _with_ties,
            note=(
                "Tahmin hedefe eşit olduğunda o elemanın kaybı 0'dır ve PyTorch gradyanı da "
                "0 alır (sign(0) = 0). `.abs()` bunu zaten yapar; `sqrt(x ** 2)` ise 0'da NaN "
                "gradyan verir."
            ),
        ),
        Case("büyük değerler", lambda g: _pair(g, 5, 4, scale=1e4)),
        Case("3 boyutlu girdiler", lambda g: _pair(g, 2, 3, 4)),
        Case("bitişik olmayan girdi", lambda g: inputs(g.randn(3, 5).t(), g.randn(5, 3))),
        Case("float64", lambda g: _pair(g, 6, 2, dtype=torch.float64)),
        Case("rastgele şekil", lambda g: _pair(g, *g.shape(1, 3)), repeat=3),
    ],
)
