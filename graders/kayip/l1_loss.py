"""Değerlendirici: l1_loss (ortalama mutlak hata)."""

import torch
import torch.nn.functional as F

from tutor.grading.losses import LossGrader
from tutor.grading.spec import Case, inputs


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
