"""Değerlendirici: step_lr (StepLR'nin kapalı biçimi)."""

import torch

from tutor.grading.optim import OptimFunctionGrader
from tutor.grading.spec import Case, inputs


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
