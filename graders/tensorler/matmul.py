"""Değerlendirici: matmul."""

import torch

from tutor.grading.compare import RemoteTensor
from tutor.grading.spec import Case, FunctionGrader, inputs

ELEMENTWISE = (
    "Çıktınız eleman eleman çarpıma (a * b) eşit. Matris çarpımında C[i, j] = Σ_k a[i, k]·b[k, j]: "
    "a'nın i. satırı ile b'nin j. sütununun iç çarpımı."
)
TRANSPOSED_B = (
    "Çıktınız a @ b.T'ye eşit: a'nın satırları b'nin sütunlarıyla değil, satırlarıyla "
    "çarpılmış. C[i, j] = Σ_k a[i, k]·b[k, j]; b'nin indeksi [k, j] olmalı."
)
WRONG_SUM_DIM = (
    "Ara çarpım a[i, k]·b[k, j] ortak boyut k yerine {which} boyunca toplanmış. "
    "C[i, j] = Σ_k a[i, k]·b[k, j]: toplam, a'nın sütunları ile b'nin satırlarının ortak "
    "boyutunda alınır."
)
ROWS_I = "a'nın satırları (i)"
COLUMNS_J = "b'nin sütunları (j)"


def _close(got, wanted):
    return got.shape == wanted.shape and torch.allclose(
        got.double(), wanted.double(), atol=1e-5, rtol=1e-4
    )


def diagnose(data, got, expected):
    """Çıktı farklıysa: eleman eleman çarpım mı, b'nin devriği mi, yanlış boyutta toplam mı?"""
    if not isinstance(got, RemoteTensor) or got.tensor.shape != expected.shape:
        return None
    a, b = (t.detach().double() for t in data.args)
    y = got.tensor
    if a.shape == b.shape and _close(y, a * b):
        return ELEMENTWISE
    if a.shape[1] == b.shape[1] and _close(y, a @ b.T):
        return TRANSPOSED_B
    products = a[:, :, None] * b[None, :, :]  # [i, k, j]
    if _close(y, products.sum(dim=0)):
        return WRONG_SUM_DIM.format(which=ROWS_I)
    if _close(y, products.sum(dim=2)):
        return WRONG_SUM_DIM.format(which=COLUMNS_J)
    return None


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
    diagnose=diagnose,
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
