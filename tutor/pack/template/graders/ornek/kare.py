"""Değerlendirici: kare. Neyin çağrılacağı, hangi durumlar, hangi referans, ne yasak."""

import torch

from tutor.grading.spec import Case, FunctionGrader, inputs

GRADER = FunctionGrader(
    symbol="kare",
    arg_names=("x",),
    reference=torch.square,
    forbidden=("square", "pow"),
    cases=[
        Case("küçük girdiler", lambda g: inputs(g.randn(4, 3))),
        Case("float64", lambda g: inputs(g.randn(5, dtype=torch.float64))),
        Case("rastgele şekil", lambda g: inputs(g.randn(*g.shape(1, 3))), repeat=2),
    ],
)
