"""Değerlendirici: cross_entropy (logit değerlerinden çok sınıflı çapraz entropi)."""

import torch
import torch.nn.functional as F

from tutor.grading.losses import LossGrader
from tutor.grading.spec import Case, inputs

FORBIDDEN = ("cross_entropy", "nll_loss", "softmax", "log_softmax", "softmin")


def _batch(g, n, c, dtype=torch.float32, scale=1.0):
    return inputs(g.randn(n, c, dtype=dtype, scale=scale), g.randint(0, c, n))


GRADER = LossGrader(
    symbol="cross_entropy",
    arg_names=("logits", "target"),
    reference=F.cross_entropy,
    forbidden=FORBIDDEN,
    forbidden_names=("CrossEntropyLoss", "NLLLoss", "Softmax", "LogSoftmax", "Softmin"),
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
    ],
)
