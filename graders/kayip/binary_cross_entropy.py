"""Değerlendirici: binary_cross_entropy (olasılıklardan ikili çapraz entropi)."""

import torch
import torch.nn.functional as F

from tutor.grading.losses import LossGrader
from tutor.grading.spec import Case, inputs

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
                "log(0) = -inf olur ve 0·(-inf) = NaN verir. PyTorch her logaritmayı -100'de "
                "keser: `torch.log(p).clamp(min=-100)`."
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
