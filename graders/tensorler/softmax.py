"""Değerlendirici: softmax."""

import torch

from tutor.grading.spec import Case, FunctionGrader, inputs

GRADER = FunctionGrader(
    symbol="softmax",
    arg_names=("x",),
    reference=lambda x, dim=-1: torch.softmax(x, dim=dim),
    forbidden=("softmax", "log_softmax", "softmin"),
    forbidden_names=("Softmax", "LogSoftmax", "Softmin"),
    cases=[
        Case("küçük girdiler", lambda g: inputs(g.randn(4, 10))),
        Case(
            "büyük değerler (sayısal kararlılık)",
            lambda g: inputs(g.randn(3, 6, scale=1e4)),
            note="İpucu: exp almadan önce her satırın en büyük değerini çıkarın; exp(10000) float32'de sonsuz olur.",
        ),
        Case(
            "dim=0",
            lambda g: inputs(g.randn(5, 3), dim=0),
            note="dim argümanını kullanmayı unutmayın.",
        ),
        Case("3 boyutlu girdi, dim=1", lambda g: inputs(g.randn(2, 4, 3), dim=1)),
        Case("bitişik olmayan girdi", lambda g: inputs(g.randn(6, 4).t())),
        Case("boyutu 1 olan eksen", lambda g: inputs(g.randn(5, 1))),
        Case("float64", lambda g: inputs(g.randn(3, 7, dtype=torch.float64))),
        Case("rastgele şekil", lambda g: inputs(g.randn(*g.shape(1, 4)), dim=-1), repeat=3),
    ],
)

# değiştirildi
