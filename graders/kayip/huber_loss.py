"""Değerlendirici: huber_loss."""

import torch
import torch.nn.functional as F

from tutor.grading.losses import LossGrader
from tutor.grading.spec import Case, inputs

# Hatalar (pred - target) delta = 1'in iki yanında: küçükler karesel, büyükler doğrusal bölgede.
ERRORS = [-3.0, -1.5, -0.7, -0.2, 0.1, 0.6, 0.95, 1.05, 2.0, 4.5]


def _pair(g, *shape, dtype=torch.float32, scale=1.0, **kwargs):
    pred = g.randn(*shape, dtype=dtype, scale=scale)
    target = g.randn(*shape, dtype=dtype, scale=scale)
    return inputs(pred, target, **kwargs)


def _both_sides(g, delta=None):
    target = g.randn(len(ERRORS))
    scale = 1.0 if delta is None else delta
    pred = target + torch.tensor(ERRORS) * scale
    return inputs(pred, target) if delta is None else inputs(pred, target, delta=delta)


def _reference(pred, target, delta=1.0):
    return F.huber_loss(pred, target, delta=delta)


GRADER = LossGrader(
    symbol="huber_loss",
    arg_names=("pred", "target", "delta"),
    reference=_reference,
    forbidden=("huber_loss", "smooth_l1_loss"),
    forbidden_names=("HuberLoss", "SmoothL1Loss"),
    cases=[
        Case("küçük girdiler (4×3)", lambda g: _pair(g, 4, 3)),
        Case(
            "delta'nın iki yanındaki hatalar",
            _both_sides,
            note="|hata| < delta ise 0.5·hata², değilse delta·(|hata| − 0.5·delta).",
        ),
        Case(
            "delta=0.5",
            lambda g: _both_sides(g, delta=0.5),
            note="delta argümanını formülün her iki parçasında da kullanın.",
        ),
        Case(
            "delta=2.5",
            lambda g: _both_sides(g, delta=2.5),
            note="delta argümanını formülün her iki parçasında da kullanın.",
        ),
        Case("aykırı değerler (büyük hatalar)", lambda g: _pair(g, 6, 3, scale=1e3)),
        Case("tek eleman", lambda g: _pair(g, 1)),
        Case("3 boyutlu girdiler", lambda g: _pair(g, 2, 3, 4, scale=2.0)),
        Case("float64", lambda g: _pair(g, 5, 4, dtype=torch.float64, scale=2.0, delta=0.8)),
        Case("rastgele şekil", lambda g: _pair(g, *g.shape(1, 3), scale=2.0), repeat=3),
    ],
)
