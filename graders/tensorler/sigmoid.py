"""Değerlendirici: sigmoid."""

import torch

from tutor.grading.spec import Case, FunctionGrader, inputs

EXTREMES = [-1000.0, -100.0, -20.0, -1.0, 0.0, 1.0, 20.0, 100.0, 1000.0]

GRADER = FunctionGrader(
    symbol="sigmoid",
    arg_names=("x",),
    reference=torch.sigmoid,
    forbidden=("sigmoid", "expit", "logistic"),
    forbidden_names=("Sigmoid", "expit", "sigmoid"),
    cases=[
        Case("küçük girdiler", lambda g: inputs(g.randn(4, 5))),
        Case(
            "uç değerler (±1000): değer ve gradyan sonlu",
            lambda g: inputs(torch.tensor(EXTREMES)),
            note=(
                "İpucu: exp'e hiçbir zaman büyük pozitif bir sayı vermeyin; x ≥ 0 ve x < 0 durumlarını ayırın. "
                "`exp(1000)` sonsuzdur ve gradyanda `inf/inf = NaN` olur."
            ),
        ),
        Case("float64 uç değerler", lambda g: inputs(torch.tensor(EXTREMES, dtype=torch.float64))),
        Case("girdi yerinde değiştirilmemeli", lambda g: inputs(g.randn(5, 2)), grad=False),
        Case("bitişik olmayan girdi", lambda g: inputs(g.randn(3, 6).t())),
        Case("rastgele şekil", lambda g: inputs(g.randn(*g.shape(1, 4), scale=5.0)), repeat=3),
    ],
)
