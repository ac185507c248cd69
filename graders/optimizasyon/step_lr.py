"""Değerlendirici: step_lr (StepLR'nin kapalı biçimi)."""

import math

import torch

from tutor.grading.optim import OptimFunctionGrader
from tutor.grading.spec import Case, inputs

MISSING_PARENTHESES = (
    "Üs parantezsiz yazılmış: `base_lr * gamma ** epoch // step_size`, Python'da "
    "`(base_lr * gamma ** epoch) // step_size` demektir (** önce, * ve // soldan sağa). "
    "`base_lr * gamma ** (epoch // step_size)` yazın."
)
COUNTS_FROM_ONE = (
    "Dönemler 1'den sayılmış: sonucunuz, üs (epoch + 1) // step_size alınarak hesaplanana eşit "
    "ve oran bir dönem erken düşüyor. İlk düşüş epoch = step_size'da olmalı."
)
TRUE_DIVISION = (
    "Üste tam sayı bölmesi (//) yerine bölme (/) kullanılmış: oran basamak basamak değil "
    "sürekli düşüyor. Üs epoch // step_size olmalı."
)


def diagnose(data, got, expected):
    """Oran farklıysa: parantez mi eksik, dönemler 1'den mi sayılmış, / mı kullanılmış?"""
    if isinstance(got, bool) or not isinstance(got, (int, float)):
        return None
    epoch, base_lr, step_size = data.args[:3]
    gamma = data.kwargs.get("gamma", data.args[3] if len(data.args) > 3 else 0.1)
    candidates = (
        (MISSING_PARENTHESES, (base_lr * gamma**epoch) // step_size),
        (COUNTS_FROM_ONE, base_lr * gamma ** ((epoch + 1) // step_size)),
        (TRUE_DIVISION, base_lr * gamma ** (epoch / step_size)),
    )
    for message, wrong in candidates:
        if not math.isclose(wrong, expected, rel_tol=1e-9) and math.isclose(
            got, wrong, rel_tol=1e-6, abs_tol=1e-12
        ):
            return message
    return None


def step_lr_reference(epoch: int, base_lr: float, step_size: int, gamma: float = 0.1) -> float:
    """PyTorch'un StepLR'si `epoch` dönem ilerletilir; ulaşılan öğrenme oranı döner."""
    param = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([param], lr=base_lr)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=step_size, gamma=gamma)
    for _ in range(epoch):
        optimizer.step()
        scheduler.step()
    return float(optimizer.param_groups[0]["lr"])


def _random(g):
    return inputs(
        g.integer(0, 60),
        g.choice([0.1, 0.01, 0.5, 3e-4]),
        g.integer(1, 12),
        gamma=g.choice([0.1, 0.5, 0.9]),
    )


GRADER = OptimFunctionGrader(
    symbol="step_lr",
    arg_names=("epoch", "base_lr", "step_size", "gamma"),
    reference=step_lr_reference,
    check_grad=False,
    diagnose=diagnose,
    forbidden_names=("StepLR", "MultiStepLR", "ExponentialLR", "LambdaLR"),
    cases=[
        Case("ilk dönem", lambda g: inputs(0, 0.1, 3)),
        Case(
            "ilk düşüşten hemen önce",
            lambda g: inputs(2, 0.1, 3),
            note="Dönemler 0'dan sayılır: step_size=3 iken 0, 1 ve 2. dönemlerde oran hâlâ base_lr'dir.",
        ),
        Case("ilk düşüş", lambda g: inputs(3, 0.1, 3)),
        Case("birkaç düşüş, gamma=0.5", lambda g: inputs(10, 0.2, 4, gamma=0.5)),
        Case("her dönem düşüş (step_size=1)", lambda g: inputs(5, 1.0, 1, gamma=0.9)),
        Case(
            "varsayılan gamma",
            lambda g: inputs(25, 0.05, 10),
            note="gamma verilmezse 0.1 olmalı.",
        ),
        Case("rastgele değerler", _random, repeat=4),
    ],
)
