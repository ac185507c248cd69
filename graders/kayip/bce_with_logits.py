"""Değerlendirici: bce_with_logits (logit değerlerinden ikili çapraz entropi)."""

import math

import torch
import torch.nn.functional as F

from tutor.grading.compare import RemoteTensor
from tutor.grading.losses import LossGrader
from tutor.grading.spec import Case, inputs

SWAPPED_TARGET = (
    "Hedef ters kullanılmış: kaybınız hedef yerine 1 − hedef ile hesaplanana eşit. "
    "Kayıp log(1 + e^x) − t · x'tir (t hedef)."
)
OWN_SIGMOID_THEN_LOG = (
    "σ(x) önce hesaplanıp logaritması alınmış: x = ±1000'de σ tam 0 ya da 1 olur, log(0) = −inf "
    "ve 0 · (−inf) = NaN çıkar. σ'ya hiç geçmeden log(1 + e^x) − t · x biçimini kararlı yazın."
)
UNSTABLE_SOFTPLUS = (
    "log(1 + e^x) doğrudan hesaplanmış: x = 1000'de e^x sonsuz olur ve kayıp sonsuz çıkar. "
    "x ≥ 0 için x + log(1 + e^(−x)) biçimini kullanın."
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
    """Kayıp farklıysa: hedef mi ters, σ'nın logaritması mı alınmış, log(1 + e^x) mı taşmış?"""
    value = _value(got)
    if value is None:
        return None
    x, t = (a.detach() for a in data.args[:2])
    if _same(value, F.binary_cross_entropy_with_logits(x.double(), 1 - t.double())):
        return SWAPPED_TARGET
    if not math.isfinite(value):
        p = 1 / (1 + torch.exp(-x))
        if _same(value, -(t * torch.log(p) + (1 - t) * torch.log(1 - p)).mean()):
            return OWN_SIGMOID_THEN_LOG
        if _same(value, (torch.log1p(torch.exp(x)) - t * x).mean()):
            return UNSTABLE_SOFTPLUS
    return None


# BCE'nin ve sigmoid'in bütün biçimleri (logsigmoid de sigmoid'in bir biçimidir).
FORBIDDEN = (
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "sigmoid",
    "expit",
    "logsigmoid",
    "log_sigmoid",
)

EXTREMES = [-1000.0, -100.0, -30.0, -1.5, 0.5, 2.0, 30.0, 100.0, 1000.0]


def _labels(g, *shape, dtype=torch.float32):
    return g.randint(0, 2, *shape).to(dtype)


def _ordinary(g, *shape, dtype=torch.float32, scale=2.0):
    return inputs(g.randn(*shape, dtype=dtype, scale=scale), _labels(g, *shape, dtype=dtype))


def _extremes(g, dtype=torch.float32):
    logits = torch.tensor(EXTREMES * 2, dtype=dtype)
    target = torch.tensor([0.0] * len(EXTREMES) + [1.0] * len(EXTREMES), dtype=dtype)
    return inputs(logits, target)


GRADER = LossGrader(
    symbol="bce_with_logits",
    arg_names=("logits", "target"),
    reference=F.binary_cross_entropy_with_logits,
    forbidden=FORBIDDEN,
    forbidden_names=("Sigmoid", "LogSigmoid", "BCELoss", "BCEWithLogitsLoss"),
    diagnose=diagnose,
    cases=[
        Case("küçük girdiler (8,)", lambda g: _ordinary(g, 8)),
        Case("2 boyutlu girdiler (4×3)", lambda g: _ordinary(g, 4, 3)),
        Case(
            "büyük logit değerleri (±1000): değer ve gradyan sonlu",
            _extremes,
            note=(
                "exp'e hiçbir zaman büyük pozitif bir sayı vermeyin (`exp(1000)` float32'de "
                "sonsuzdur): log(1 + e^x), x ≥ 0 için x + log(1 + e^(−x)), x < 0 için "
                "log(1 + e^x) olarak yazılabilir."
            ),
        ),
        Case("float64 uç değerler", lambda g: _extremes(g, dtype=torch.float64)),
        Case(
            "sıfır logit değerleri (gradyan)",
            lambda g: inputs(torch.zeros(6), torch.tensor([0.0, 1.0, 1.0, 0.0, 0.5, 1.0])),
            note=(
                "x = 0'da bir elemanın yerel türevi sigmoid(0) − hedef = 0.5 − hedef'tir; kayıp "
                "n elemanın ortalaması olduğu için gradyan (0.5 − hedef) / n olur (ve yukarıdan "
                "gelen gradyanla çarpılır). `x.abs()` ve `x.clamp(min=0)` 0'da kırılır "
                "(türevleri 0 ya da 1 olur); x ≥ 0 ve x < 0 hâllerini `torch.where` ile ayrı "
                "ayrı yazın."
            ),
        ),
        Case(
            "yumuşak etiketler (0 ile 1 arası hedefler)",
            lambda g: inputs(g.randn(3, 5, scale=3.0), g.uniform(3, 5)),
        ),
        Case("tek eleman", lambda g: _ordinary(g, 1)),
        Case("rastgele şekil", lambda g: _ordinary(g, *g.shape(1, 3), scale=5.0), repeat=3),
    ],
)
