"""Değerlendirici: multi_margin_loss (çok sınıflı menteşe kaybı)."""

import torch
import torch.nn.functional as F

from tutor.grading.losses import LossGrader
from tutor.grading.spec import Case, inputs


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
