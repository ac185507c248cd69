"""Değerlendirici: log_softmax."""

import torch
import torch.nn.functional as F

from tutor import messages as M
from tutor.grading.compare import RemoteTensor
from tutor.grading.spec import Case, FunctionGrader, inputs

SHIFT_NOT_SUBTRACTED = (
    "Sonucunuz beklenenden her dilimde tam m kadar büyük (m, `dim` boyunca en büyük değer): "
    "log-sum-exp'i m ile kaydırdıysanız m'yi x'ten de çıkarın: "
    "log_softmax(x) = (x − m) − log Σ exp(x − m)."
)
LOG_OF_SOFTMAX = (
    "log(softmax(x)) hesaplanmış: bir olasılık float32'de 0'a yuvarlandığında log(0) = -inf "
    "olur. Olasılığa hiç geçmeden (x − m) − log Σ exp(x − m) hesaplayın."
)
NO_SHIFT = (
    "log Σ exp(x), en büyük değer çıkarılmadan hesaplanmış: exp(10000) float32'de sonsuz olur. "
    "m = x.amax(dim, keepdim=True) ile log Σ exp(x) = m + log Σ exp(x − m) yazın."
)


def _close(got, wanted):
    return got.shape == wanted.shape and torch.allclose(
        got.double(), wanted.double(), atol=1e-5, rtol=1e-5, equal_nan=True
    )


def diagnose(data, got, expected):
    """Çıktı farklıysa: başka bir boyut mu, geri çıkarılmayan m mi, log(softmax) mı,
    kaydırmasız log-sum-exp mi?"""
    if not isinstance(got, RemoteTensor) or got.tensor.shape != expected.shape:
        return None
    x, y = data.args[0].detach(), got.tensor
    dim = data.kwargs.get("dim", -1)
    wanted = dim % x.dim()
    for d in range(x.dim()):
        if d != wanted and x.shape[d] > 1 and _close(y, F.log_softmax(x.double(), d)):
            where = M.DIAG_LAST_DIM if d == x.dim() - 1 else M.DIAG_DIM.format(dim=d)
            return M.DIAG_OTHER_DIM.format(op="log_softmax", where=where, dim=dim)
    m = x.double().amax(dim=dim, keepdim=True)
    if bool((m.abs() > 1e-3).any()) and _close(y, F.log_softmax(x.double(), dim) + m):
        return SHIFT_NOT_SUBTRACTED
    if not bool(torch.isfinite(y).all()):
        if _close(y, torch.log(torch.softmax(x, dim=dim))):
            return LOG_OF_SOFTMAX
        if _close(y, x - torch.log(torch.exp(x).sum(dim=dim, keepdim=True))):
            return NO_SHIFT
    return None


GRADER = FunctionGrader(
    symbol="log_softmax",
    arg_names=("x",),
    reference=lambda x, dim=-1: F.log_softmax(x, dim=dim),
    forbidden=("softmax", "log_softmax", "softmin"),
    forbidden_names=("Softmax", "LogSoftmax", "Softmin", "softmax", "log_softmax"),
    diagnose=diagnose,
    cases=[
        Case("küçük girdiler", lambda g: inputs(g.randn(4, 10))),
        Case(
            "büyük değerler (sayısal kararlılık)",
            lambda g: inputs(g.randn(3, 6, scale=1e4)),
            note=(
                "Değerler ±10⁴ büyüklüğünde: kararlı bir log_softmax, dim boyunca en büyük değeri "
                "(m) çıkarıp (x − m) − log Σ exp(x − m) hesaplar."
            ),
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
