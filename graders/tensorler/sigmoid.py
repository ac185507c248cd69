"""Değerlendirici: sigmoid."""

import torch

from tutor.grading.compare import RemoteTensor
from tutor.grading.spec import Case, FunctionGrader, inputs

EXTREMES = [-1000.0, -100.0, -20.0, -1.0, 0.0, 1.0, 20.0, 100.0, 1000.0]

WRONG_SIGN = (
    "Çıktınız σ(−x)'e, yani 1 − σ(x)'e eşit: üsteki işaret ters. σ(x) = 1 / (1 + e^(−x)); "
    "x büyüdükçe sonuç 1'e yaklaşmalı."
)
EXP_RATIO = (
    "exp(x) / (1 + exp(x)) biçimi hesaplanmış: x büyük ve pozitifken exp(x) sonsuz olur ve "
    "inf / inf = NaN çıkar. x ≥ 0 için 1 / (1 + e^(−x)) biçimini kullanın."
)
CLAMPED = (
    "Girdi ±{c:g} aralığına kırpılmış gibi: |x| > {c:g} olan elemanlarda sonuç σ(±{c:g}) "
    "değerinde takılıyor. Kırpma taşmayı önler ama değeri bozar; bunun yerine x ≥ 0 ve x < 0 "
    "hâllerini ayrı formüllerle yazın."
)


def _close(got, wanted):
    return got.shape == wanted.shape and torch.allclose(
        got.double(), wanted.double(), atol=1e-6, rtol=1e-5, equal_nan=True
    )


def _clamp_bound(x, y, expected):
    """Çıktı σ(x.clamp(-c, c)) ise c, değilse None."""
    differs = ~torch.isclose(y.double(), expected.double(), atol=1e-5, rtol=1e-4)
    inner = y.double()[differs]
    if inner.numel() == 0 or not bool(((inner > 0) & (inner < 1)).all()):
        return None
    c = round(float(torch.logit(inner).abs().median()), 2)
    if c <= 0 or not _close(y, torch.sigmoid(x.double().clamp(-c, c))):
        return None
    return c


def diagnose(data, got, expected):
    """Çıktı farklıysa: işaret ters mi, exp(x) / (1 + exp(x)) mı, girdi kırpılmış mı?"""
    if not isinstance(got, RemoteTensor) or got.tensor.shape != expected.shape:
        return None
    x, y, expected = data.args[0].detach(), got.tensor, expected.cpu()
    if _close(y, torch.sigmoid(-x.double())):
        return WRONG_SIGN
    e = torch.exp(x)
    if bool(torch.isnan(y).any()) and _close(y, e / (1 + e)):
        return EXP_RATIO
    c = _clamp_bound(x, y, expected)
    if c is not None:
        return CLAMPED.format(c=c)
    return None


GRADER = FunctionGrader(
    symbol="sigmoid",
    arg_names=("x",),
    reference=torch.sigmoid,
    forbidden=("sigmoid", "expit", "logistic"),
    forbidden_names=("Sigmoid", "expit", "sigmoid"),
    diagnose=diagnose,
    cases=[
        Case("küçük girdiler", lambda g: inputs(g.randn(4, 5))),
        Case(
            "uç değerler (±1000): değer ve gradyan sonlu",
            lambda g: inputs(torch.tensor(EXTREMES)),
            note=(
                "İpucu: exp'e hiçbir zaman büyük pozitif bir sayı vermeyin; x ≥ 0 ve x < 0 "
                "hâllerini ayırın. `exp(1000)` sonsuzdur ve gradyanda `inf/inf = NaN` olur."
            ),
        ),
        Case("float64 uç değerler", lambda g: inputs(torch.tensor(EXTREMES, dtype=torch.float64))),
        Case("girdi yerinde değiştirilmemeli", lambda g: inputs(g.randn(5, 2)), grad=False),
        Case("bitişik olmayan girdi", lambda g: inputs(g.randn(3, 6).t())),
        Case("rastgele şekil", lambda g: inputs(g.randn(*g.shape(1, 4), scale=5.0)), repeat=3),
        # Yalnızca gradyanı bozan iki hata için, her biri kendi durumunda:
        Case(
            "büyük negatif girdiler: gradyan sonlu",
            lambda g: inputs(torch.tensor([-1000.0, -200.0, -100.0])),
            note=(
                "Büyük negatif x'te e^(−x) sonsuz olur: 1 / (1 + e^(−x)) yine 0 verir, ama "
                "gradyanında inf / inf = NaN oluşur. x < 0 için e^x / (1 + e^x) biçimini kullanın."
            ),
        ),
        Case(
            "x = 0'da gradyan",
            lambda g: inputs(torch.zeros(4)),
            note=(
                "x = 0'da yerel türev σ'(0) = 0.25'tir (karşılaştırılan gradyan, bunun yukarıdan "
                "gelen gradyanla çarpımıdır). Üs `-x.abs()` ile yazılırsa PyTorch |x|'in 0'daki "
                "türevini 0 alır ve gradyan orada 0 çıkar; üssü `torch.where(x >= 0, -x, x)` ile "
                "seçin."
            ),
        ),
    ],
)
