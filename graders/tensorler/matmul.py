"""Değerlendirici: matmul."""

import torch

from tutor.grading.spec import Case, FunctionGrader, inputs

# Her biçimiyle hazır çarpım: yöntem, fonksiyon ve işleç.
PRODUCTS = (
    "matmul",
    "mm",
    "bmm",
    "einsum",
    "tensordot",
    "linear",
    "bilinear",
    "addmm",
    "addmv",
    "addbmm",
    "baddbmm",
    "dot",
    "vdot",
    "mv",
    "inner",
    "outer",
    "ger",
    "chain_matmul",
    "multi_dot",
    "vecdot",
)


def _pair(g, n, k, m, dtype=torch.float32):
    return inputs(g.randn(n, k, dtype=dtype), g.randn(k, m, dtype=dtype))


GRADER = FunctionGrader(
    symbol="matmul",
    arg_names=("a", "b"),
    reference=torch.matmul,
    forbidden=PRODUCTS,
    forbidden_names=PRODUCTS,
    forbidden_operators=("@",),
    cases=[
        Case("kare matrisler (3×3)", lambda g: _pair(g, 3, 3, 3)),
        Case("kare olmayan şekiller (4×5 · 5×2)", lambda g: _pair(g, 4, 5, 2)),
        Case("satır · sütun (1×6 · 6×1)", lambda g: _pair(g, 1, 6, 1)),
        Case("sütun · satır (5×1 · 1×3)", lambda g: _pair(g, 5, 1, 3)),
        Case("bitişik olmayan girdi", lambda g: inputs(g.randn(4, 3).t(), g.randn(2, 4).t())),
        Case("float64", lambda g: _pair(g, 3, 4, 5, torch.float64)),
        Case(
            "rastgele şekil",
            lambda g: _pair(g, g.integer(1, 7), g.integer(1, 7), g.integer(1, 7)),
            repeat=3,
        ),
    ],
)
