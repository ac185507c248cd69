"""Değerlendirici: multi_margin_loss (çok sınıflı menteşe kaybı)."""

import math

import torch
import torch.nn.functional as F

from tutor.grading.compare import RemoteTensor
from tutor.grading.losses import LossGrader
from tutor.grading.spec import Case, inputs

COUNTS_TARGET = (
    "j = y terimi toplamdan dışlanmamış: doğru sınıfın kendisi de max(0, marj − s[y] + s[y]) = "
    "marj ekleyip her örneğin kaybını marj / C kadar büyütmüş. Toplam yalnızca j ≠ y sınıfları "
    "üzerindendir."
)
DIVIDES_BY_C_MINUS_1 = (
    "Toplam, sınıf sayısına (C = {c}) değil yanlış sınıfların sayısına (C − 1 = {c1}) "
    "bölünmüş; PyTorch C'ye böler."
)
IGNORES_MARGIN = (
    "margin argümanı kullanılmamış: kaybınız marj = 1 ile hesaplanana eşit; bu durumda "
    "margin = {margin:g}."
)
NO_HINGE = (
    "max(0, ·) unutulmuş: doğru sınıfın marjdan fazla geride bıraktığı sınıflar negatif terim "
    "ekleyip ötekilerin kaybını gizliyor. Her terim max(0, marj − s[y] + s[j])'dir."
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


def _multi_margin(scores, target, margin, *, hinge=True, skip_target=True, divisor=None):
    """Çok sınıflı menteşe kaybı; bayraklar yaygın hataları yeniden üretir."""
    scores = scores.double()
    terms = margin - scores.gather(1, target[:, None]) + scores
    if hinge:
        terms = terms.clamp(min=0)
    if skip_target:
        terms = terms.scatter(1, target[:, None], 0.0)
    return (terms.sum(dim=1) / (divisor or scores.shape[1])).mean()


def diagnose(data, got, expected):
    """Kayıp farklıysa: j = y mi dışlanmamış, C − 1'e mi bölünmüş, marj mı yok sayılmış,
    max(0, ·) mı unutulmuş?"""
    value = _value(got)
    if value is None:
        return None
    scores, target = (a.detach() for a in data.args[:2])
    margin = float(data.kwargs.get("margin", data.args[2] if len(data.args) > 2 else 1.0))
    c = scores.shape[1]
    if _same(value, _multi_margin(scores, target, margin, skip_target=False)):
        return COUNTS_TARGET
    if c > 1 and _same(value, _multi_margin(scores, target, margin, divisor=c - 1)):
        return DIVIDES_BY_C_MINUS_1.format(c=c, c1=c - 1)
    if margin != 1.0 and _same(value, _multi_margin(scores, target, 1.0)):
        return IGNORES_MARGIN.format(margin=margin)
    if _same(value, _multi_margin(scores, target, margin, hinge=False)):
        return NO_HINGE
    return None


def _batch(g, n, c, dtype=torch.float32, scale=1.0, **kwargs):
    return inputs(g.randn(n, c, dtype=dtype, scale=scale), g.randint(0, c, n), **kwargs)


def _reference(scores, target, margin=1.0):
    return F.multi_margin_loss(scores, target, margin=margin)


def _clear_winner(g):
    """İlk örnekte doğru sınıf ötekileri marjdan fazla geçiyor (kayıp 0), ikincide geçmiyor."""
    scores = torch.tensor([[5.0, 1.0, 0.5, -2.0], [0.2, 0.6, 0.4, 0.3]])
    return inputs(scores, torch.tensor([0, 1]))


GRADER = LossGrader(
    symbol="multi_margin_loss",
    arg_names=("scores", "target", "margin"),
    reference=_reference,
    forbidden=("multi_margin_loss", "multilabel_margin_loss"),
    forbidden_names=("MultiMarginLoss", "MultiLabelMarginLoss"),
    diagnose=diagnose,
    cases=[
        Case("küçük girdiler (4 örnek, 5 sınıf)", lambda g: _batch(g, 4, 5)),
        Case(
            "marjı aşan ve aşamayan örnekler",
            _clear_winner,
            note=(
                "Doğru sınıfın puanı ötekileri en az marj kadar geçtiğinde o örneğin kaybı 0'dır. "
                "Bir örneğin kaybı Σ_{j ≠ y} max(0, marj − s[y] + s[j]) / C'dir (C sınıf "
                "sayısı); kayıp, örneklerin ortalamasıdır."
            ),
        ),
        Case(
            "margin=0.5",
            lambda g: _batch(g, 5, 4, margin=0.5),
            note="margin argümanını kullanmayı unutmayın.",
        ),
        Case(
            "margin=2.0",
            lambda g: _batch(g, 5, 4, margin=2.0),
            note="margin argümanını kullanmayı unutmayın.",
        ),
        Case("tek örnek (N=1)", lambda g: _batch(g, 1, 6)),
        Case("iki sınıf", lambda g: _batch(g, 6, 2)),
        Case("büyük puanlar", lambda g: _batch(g, 4, 5, scale=1e3)),
        Case("float64", lambda g: _batch(g, 4, 7, dtype=torch.float64, scale=2.0)),
        Case(
            "rastgele şekil",
            lambda g: _batch(g, g.integer(1, 8), g.integer(2, 9), scale=2.0),
            repeat=3,
        ),
    ],
)
