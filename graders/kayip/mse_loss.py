"""Değerlendirici: mse_loss."""

import torch
import torch.nn.functional as F

from tutor.grading.losses import LossGrader
from tutor.grading.spec import Case, inputs


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
