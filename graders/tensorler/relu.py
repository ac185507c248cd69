"""Değerlendirici: relu."""

import torch
import torch.nn.functional as F

from tutor import messages as M
from tutor.grading.compare import RemoteTensor
from tutor.grading.spec import Case, FunctionGrader, inputs

ABS = (
    "Çıktınız girdinin mutlak değerine (|x|) eşit: negatif değerler sıfırlanmak yerine pozitife "
    "dönmüş. ReLU negatifleri 0 yapar, pozitifleri olduğu gibi bırakır."
)
MASK = (
    "Çıktınız `x > 0` maskesinin kendisi (veri tipi bool): ReLU maskeyi değil, maskenin "
    "seçtiği değerleri döndürür; negatiflerin yerine 0 koyun."
)


def diagnose(data, got, expected):
    """Çıktı farklıysa: |x| mi, maske mi döndürülmüş, yoksa yalnızca veri tipi mi değişmiş?"""
    if not isinstance(got, RemoteTensor) or got.tensor.shape != expected.shape:
        return None
    x, y = data.args[0].detach(), got.tensor
    if y.dtype == torch.bool:
        return MASK if torch.equal(y, x > 0) else None
    if y.dtype != expected.dtype:
        if torch.allclose(y.double(), expected.double().cpu(), atol=1e-6, rtol=1e-5):
            return M.DIAG_DTYPE_CHANGED.format(expected=expected.dtype, actual=y.dtype)
        return None
    if bool((x < 0).any()) and torch.allclose(y.double(), x.abs().double(), atol=1e-6, rtol=1e-5):
        return ABS
    return None


GRADER = FunctionGrader(
    symbol="relu",
    arg_names=("x",),
    reference=F.relu,
    forbidden=("relu", "relu6", "threshold"),
    forbidden_names=("ReLU", "ReLU6", "Threshold"),
    diagnose=diagnose,
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
