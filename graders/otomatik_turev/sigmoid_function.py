"""Değerlendirici: sigmoid_function (kendi torch.autograd.Function sınıfı)."""

import torch

from tutor.grading.autograd_checks import FunctionClassGrader, GradcheckCase
from tutor.grading.spec import Case, inputs

EXTREMES = [-1000.0, -100.0, -20.0, -1.0, 0.0, 1.0, 20.0, 100.0, 1000.0]

GRADER = FunctionClassGrader(
    symbol="SigmoidFunction",
    arg_names=("x",),
    reference=torch.sigmoid,
    # forward sigmoid'i istediği gibi hesaplayabilir; backward ise kaydedilen tensörle çalışmalı.
    backward_forbidden=("sigmoid", "expit", "logistic", "log_sigmoid", "logsigmoid"),
    cases=[
        Case("küçük girdiler", lambda g: inputs(g.randn(4, 5))),
        Case(
            "uç değerler (±1000): değer ve gradyan sonlu",
            lambda g: inputs(torch.tensor(EXTREMES)),
            note=(
                "backward'da e^(-x) / (1 + e^(-x))² gibi bir formül -1000'de inf / inf = NaN "
                "verir; forward'ın çıktısını kaydedip σ·(1 − σ) kullanın."
            ),
        ),
        GradcheckCase(
            "gradcheck (float64)",
            lambda g: inputs(g.randn(3, 4, dtype=torch.float64)),
            note=(
                "gradcheck her girdiyi eps = 1e-6 kadar oynatıp sayısal bir türev bulur ve bunu "
                "sizin backward'ınızın verdiği gradyanla karşılaştırır. Girdi float64 ise çıktı "
                "da float64 olmalı."
            ),
        ),
        Case("float64 uç değerler", lambda g: inputs(torch.tensor(EXTREMES, dtype=torch.float64))),
        Case("girdi yerinde değiştirilmemeli", lambda g: inputs(g.randn(5, 2)), grad=False),
        Case("bitişik olmayan girdi", lambda g: inputs(g.randn(3, 6).t())),
        Case("rastgele şekil", lambda g: inputs(g.randn(*g.shape(1, 4), scale=5.0)), repeat=3),
    ],
)
