"""Değerlendirici: binary_cross_entropy (olasılıklardan ikili çapraz entropi)."""

import math

import torch
import torch.nn.functional as F

from tutor.grading.compare import RemoteTensor
from tutor.grading.losses import LossGrader
from tutor.grading.spec import Case, inputs

FORGETS_MINUS = (
    "Kaybınız beklenenin tam tersi (işareti ters): baştaki eksi unutulmuş. BCE, "
    "−[t · log p + (1 − t) · log(1 − p)]'nin ortalamasıdır; log p ≤ 0 olduğundan kayıp ≥ 0."
)
ONLY_POSITIVE = (
    "Kaybınız yalnızca −t · log p teriminden oluşuyor: (1 − t) · log(1 − p) terimi eksik, "
    "hedefi 0 olan örnekler hiç cezalandırılmıyor."
)
CLAMPED_PROBS = (
    "Olasılıklar [{eps:g}, 1 − {eps:g}] aralığına kırpılmış: p = 0 ya da 1 olan yanlış bir "
    "tahminde kayıp −log({eps:g}) ≈ {cap:.3g} ile sınırlı kalıyor. PyTorch olasılığı değil "
    "logaritmayı keser: `torch.log(p).clamp(min=-100)`, yani en fazla 100."
)
NO_LOG_CLAMP = (
    "Logaritma kesilmemiş: p = 0 ya da 1'de log(0) = −inf olur ve 0 · (−inf) = NaN verir. "
    "PyTorch her logaritmayı −100'de keser: `torch.log(p).clamp(min=-100)`."
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


def _bce(p, t, eps=None, clamp_log=True):
    """BCE, öğrencinin yazdığı biçimde: olasılıklar `eps` ile kırpılabilir, log kesilmeyebilir."""
    if eps is not None:
        p = p.clamp(eps, 1 - eps)
    log_p, log_q = torch.log(p), torch.log(1 - p)
    if clamp_log:
        log_p, log_q = log_p.clamp(min=-100), log_q.clamp(min=-100)
    return -(t * log_p + (1 - t) * log_q).mean()


def diagnose(data, got, expected):
    """Kayıp farklıysa: işaret mi ters, bir terim mi eksik, olasılık mı kırpılmış, log mu
    kesilmemiş?"""
    value = _value(got)
    if value is None:
        return None
    p, t = (a.detach() for a in data.args[:2])
    if float(expected) != 0 and _same(value, -float(expected)):
        return FORGETS_MINUS
    if _same(value, -(t.double() * torch.log(p.double()).clamp(min=-100)).mean()):
        return ONLY_POSITIVE
    for eps in (1e-7, 1e-8, 1e-6, 1e-5, 1e-12, 1e-15):
        if _same(value, _bce(p, t, eps=eps)):
            return CLAMPED_PROBS.format(eps=eps, cap=-math.log(eps))
    if not math.isfinite(value) and _same(value, _bce(p, t, clamp_log=False)):
        return NO_LOG_CLAMP
    return None


BCE_NAMES = ("binary_cross_entropy", "binary_cross_entropy_with_logits")


def _probs(g, *shape, dtype=torch.float32, low=0.02, high=0.98):
    return g.uniform(*shape, low=low, high=high, dtype=dtype)


def _labels(g, *shape, dtype=torch.float32):
    return g.randint(0, 2, *shape).to(dtype)


def _ordinary(g, *shape, dtype=torch.float32):
    return inputs(_probs(g, *shape, dtype=dtype), _labels(g, *shape, dtype=dtype))


GRADER = LossGrader(
    symbol="binary_cross_entropy",
    arg_names=("probs", "target"),
    reference=F.binary_cross_entropy,
    forbidden=BCE_NAMES,
    forbidden_names=("BCELoss", "BCEWithLogitsLoss"),
    diagnose=diagnose,
    cases=[
        Case("küçük girdiler (8,)", lambda g: _ordinary(g, 8)),
        Case("2 boyutlu girdiler (4×3)", lambda g: _ordinary(g, 4, 3)),
        Case(
            "yumuşak etiketler (0 ile 1 arası hedefler)",
            lambda g: inputs(_probs(g, 3, 5), g.uniform(3, 5)),
            note=(
                "Hedef yalnızca 0 ya da 1 değil, aradaki bir olasılık da olabilir; formül aynıdır."
            ),
        ),
        Case(
            "olasılık tam 0 ve tam 1",
            lambda g: inputs(
                torch.tensor([0.0, 0.0, 1.0, 1.0, 0.5, 0.0]),
                torch.tensor([0.0, 1.0, 1.0, 0.0, 1.0, 0.5]),
            ),
            grad=False,  # 0 ve 1'de türev sonsuza gider; yalnızca değer denetlenir
            note=(
                "Bu durumda olasılıkların bazıları tam 0 ya da tam 1: PyTorch her logaritmayı "
                "−100'de keser (`torch.log(p).clamp(min=-100)`), yani bir elemanın kaybı en "
                "fazla 100 olur."
            ),
        ),
        Case(
            "0'a ve 1'e çok yakın olasılıklar",
            lambda g: inputs(
                torch.tensor([1e-6, 1e-3, 0.999, 0.999999, 1e-6, 0.999999]),
                torch.tensor([0.0, 1.0, 0.0, 1.0, 1.0, 0.0]),
            ),
        ),
        Case("tek eleman", lambda g: _ordinary(g, 1)),
        Case("float64", lambda g: _ordinary(g, 5, 2, dtype=torch.float64)),
        Case("rastgele şekil", lambda g: _ordinary(g, *g.shape(1, 3)), repeat=3),
    ],
)
