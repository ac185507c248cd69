"""Değerlendirici: log_softmax."""

import torch
import torch.nn.functional as F

from tutor.grading.spec import Case, FunctionGrader, inputs

GRADER = FunctionGrader(
    symbol="log_softmax",
    arg_names=("x",),
    reference=lambda x, dim=-1: F.log_softmax(x, dim=dim),
    forbidden=("softmax", "log_softmax", "softmin"),
    forbidden_names=("Softmax", "LogSoftmax", "Softmin", "softmax", "log_softmax"),
    cases=[
        Case("küçük girdiler", lambda g: inputs(g.randn(4, 10))),
        Case(
            "büyük değerler (sayısal kararlılık)",
            lambda g: inputs(g.randn(3, 6, scale=1e4)),
            note="`log(softmax(x))` büyük farklarda log(0) = -inf verir; `x - logsumexp(x)` biçimini en büyük değeri çıkararak yazın.",
        ),
        Case(
            "dim=0",
            lambda g: inputs(g.randn(5, 3), dim=0),
            note="dim argümanını kullanmayı unutmayın.",
        ),
        Case("3 boyutlu girdi, dim=1", lambda g: inputs(g.randn(2, 4, 3), dim=1)),
        Case("bitişik olmayan girdi", lambda g: inputs(g.randn(6, 4).t())),
        Case("float64", lambda g: inputs(g.randn(3, 7, dtype=torch.float64))),
        Case(
            "rastgele şekil", lambda g: inputs(g.randn(*g.shape(1, 4), scale=3.0), dim=-1), repeat=3
        ),
    ],
)
