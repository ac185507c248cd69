"""Değerlendirici: relu."""

import torch
import torch.nn.functional as F

from tutor.grading.spec import Case, FunctionGrader, inputs

GRADER = FunctionGrader(
    symbol="relu",
    arg_names=("x",),
    reference=F.relu,
    forbidden=("relu", "relu6", "threshold"),
    forbidden_names=("ReLU", "ReLU6", "Threshold"),
    cases=[
        Case("küçük girdiler", lambda g: inputs(g.randn(4, 5))),
        Case(
            "sıfır ve negatif değerler",
            lambda g: inputs(torch.tensor([[-3.0, -0.5, 0.0], [0.5, -0.0, 2.0]])),
            grad=False,  # 0'daki gradyan tanımsız; yalnızca değerler denetlenir
        ),
        Case(
            "girdi yerinde değiştirilmemeli",
            lambda g: inputs(g.randn(6, 3)),
            grad=False,
            note="Girdiyi değiştiren `x[x < 0] = 0` ya da `x.clamp_(min=0)` yerine yeni bir tensör döndürün.",
        ),
        Case("bitişik olmayan girdi", lambda g: inputs(g.randn(5, 4).t())),
        Case("büyük değerler", lambda g: inputs(g.randn(3, 4, scale=1e4))),
        Case("float64", lambda g: inputs(g.randn(8, dtype=torch.float64))),
        Case("rastgele şekil", lambda g: inputs(g.randn(*g.shape(1, 4))), repeat=3),
    ],
)
