"""Değerlendirici: cross_entropy (logit değerlerinden çok sınıflı çapraz entropi)."""

import math

import torch
import torch.nn.functional as F

from tutor.grading.compare import RemoteTensor
from tutor.grading.losses import LossGrader
from tutor.grading.spec import Case, inputs

TABLE_INDEXING = (
    "Doğru sınıfın logit değeri `logits[:, target]` ile seçilmiş: bu (N, N) boyutlu bir tablo "
    "verir ve her örnek bütün hedeflerle eşleşir. Her örneğin kendi hedefini "
    "`logits[torch.arange(N), target]` ile seçin."
)
LOGITS_AS_PROBS = (
    "Logit değerleri olasılık sanılmış: softmax uygulanmadan doğrudan −log(logit) alınmış "
    "(negatif bir logit değerinin logaritması NaN'dır). Kayıp log-sum-exp(x) − x[hedef]'tir."
)
LOG_OF_SOFTMAX = (
    "Olasılıklar önce softmax ile hesaplanıp logaritmaları alınmış: bir olasılık float32'de "
    "0'a yuvarlanınca log(0) = −inf olur (büyük logit değerlerinde exp de taşar). Olasılığa hiç "
    "geçmeden log-sum-exp(x) − x[hedef] hesaplayın; log-sum-exp'te en büyük değeri çıkarın."
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
    """Kayıp farklıysa: hedef bir tabloyla mı seçilmiş, logit değerleri olasılık mı sanılmış,
    softmax kaydırmasız mı? NaN ya da sonsuz bir kayıp tek başına az şey söyler: o zaman
    teşhis yalnızca tek bir hata aynı sonucu veriyorsa söylenir."""
    value = _value(got)
    if value is None:
        return None
    logits, target = (a.detach() for a in data.args[:2])
    rows = torch.arange(len(target))
    e = torch.exp(logits)
    candidates = [
        (LOGITS_AS_PROBS, -torch.log(logits[rows, target]).mean()),
        (LOG_OF_SOFTMAX, -torch.log((e / e.sum(dim=1, keepdim=True))[rows, target]).mean()),
    ]
    if len(target) > 1:
        lse = torch.logsumexp(logits.double(), dim=1, keepdim=True)
        candidates.insert(0, (TABLE_INDEXING, (lse - logits.double()[:, target]).mean()))
    found = [message for message, wrong in candidates if _same(value, wrong)]
    if len(found) == 1 or (found and math.isfinite(value)):
        return found[0]
    return None


FORBIDDEN = ("cross_entropy", "nll_loss", "softmax", "log_softmax", "softmin")

# Hedef sınıfların logit değerleri satırın en büyüğünden çok küçük: olasılıkları float32'de 0'a
# yuvarlanır, ama exp hiçbir yerde taşmaz.
FAR_APART = torch.tensor(
    [[80.0, -200.0, 1.0, 0.5], [70.0, 2.0, -150.0, 0.0], [-1.0, 85.0, 3.0, -120.0]]
)


def _batch(g, n, c, dtype=torch.float32, scale=1.0):
    return inputs(g.randn(n, c, dtype=dtype, scale=scale), g.randint(0, c, n))


GRADER = LossGrader(
    symbol="cross_entropy",
    arg_names=("logits", "target"),
    reference=F.cross_entropy,
    forbidden=FORBIDDEN,
    forbidden_names=("CrossEntropyLoss", "NLLLoss", "Softmax", "LogSoftmax", "Softmin"),
    diagnose=diagnose,
    cases=[
        Case("küçük girdiler (4 örnek, 5 sınıf)", lambda g: _batch(g, 4, 5)),
        Case(
            "büyük logit değerleri (±1e4)",
            lambda g: _batch(g, 6, 4, scale=1e4),
            note=(
                "`log(softmax(x))` büyük farklarda log(0) = -inf, `exp(10000)` ise sonsuz verir. "
                "Kaybı log-sum-exp(x) − x[hedef] biçiminde, en büyük değeri çıkararak yazın."
            ),
        ),
        Case("tek örnek (N=1)", lambda g: _batch(g, 1, 6)),
        Case("iki sınıf", lambda g: _batch(g, 5, 2)),
        Case(
            "bitişik olmayan logit değerleri",
            lambda g: inputs(g.randn(5, 3).t(), g.randint(0, 5, 3)),
        ),
        Case("float64", lambda g: _batch(g, 4, 7, dtype=torch.float64, scale=3.0)),
        Case(
            "rastgele şekil",
            lambda g: _batch(g, g.integer(1, 8), g.integer(2, 9), scale=4.0),
            repeat=3,
        ),
        Case(
            "birbirinden çok uzak logit değerleri (−200 ile 85 arası)",
            lambda g: inputs(FAR_APART, torch.tensor([1, 2, 3])),
            note=(
                "Her değer float32'de exp'i sonlu kalacak kadar küçük, ama bir satırın en "
                "büyüğüyle en küçüğü arasındaki fark 200'ü aşıyor: o sınıfın olasılığı 0'a "
                "yuvarlanır."
            ),
        ),
    ],
)
