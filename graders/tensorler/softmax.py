"""Değerlendirici: softmax."""

import torch

from tutor import messages as M
from tutor.grading.compare import RemoteTensor, format_shape
from tutor.grading.spec import Case, FunctionGrader, inputs

NO_SHIFT = (
    "exp almadan önce en büyük değer çıkarılmamış: exp(10000) float32'de sonsuz olur ve "
    "inf / inf = NaN çıkar. Önce `x.amax(dim, keepdim=True)` çıkarın, sonra exp alın."
)
GLOBAL_MAX = (
    "Çıkarılan en büyük değer, `dim` boyunca değil bütün tensör üzerinden alınmış: en büyüğü "
    "tensörün en büyüğünden çok küçük olan dilimlerde exp hep 0 olur ve 0 / 0 = NaN çıkar. "
    "En büyük değeri `x.amax(dim, keepdim=True)` ile her dilim için ayrı alın."
)
NO_KEEPDIM = (
    "Toplam `keepdim=True` olmadan alınmış: şekli {shape} oldu ve bölme onu yanlış eksene "
    "yayımladı (kare girdide sessizce yanlış değer, kare olmayanda şekil hatası). "
    "`e.sum(dim, keepdim=True)` yazın."
)


def _close(got, wanted):
    return got.shape == wanted.shape and torch.allclose(
        got.double(), wanted.double(), atol=1e-6, rtol=1e-5, equal_nan=True
    )


def _without_keepdim(x, dim):
    """`e / e.sum(dim)`: toplam keepdim olmadan, iki yaygın kaydırmayla."""
    found = []
    for shift in (x.amax(), x.amax(dim=dim, keepdim=True)):
        e = torch.exp(x.double() - shift.double())
        try:
            found.append(e / e.sum(dim=dim))
        except RuntimeError:
            pass
    return found


def diagnose(data, got, expected):
    """Çıktı farklıysa: başka bir boyut mu, kaydırmasız ya da bütün tensörün en büyüğüyle mi,
    yoksa keepdim'siz bir toplamla mı hesaplanmış?"""
    if not isinstance(got, RemoteTensor) or got.tensor.shape != expected.shape:
        return None
    x, y = data.args[0].detach(), got.tensor
    dim = data.kwargs.get("dim", -1)
    wanted = dim % x.dim()
    for d in range(x.dim()):
        if d != wanted and x.shape[d] > 1 and _close(y, torch.softmax(x.double(), d)):
            where = M.DIAG_LAST_DIM if d == x.dim() - 1 else M.DIAG_DIM.format(dim=d)
            return M.DIAG_OTHER_DIM.format(op="softmax", where=where, dim=dim)
    if bool(torch.isnan(y).any()):
        e = torch.exp(x)
        if _close(y, e / e.sum(dim=dim, keepdim=True)):
            return NO_SHIFT
        e = torch.exp(x - x.amax())
        if _close(y, e / e.sum(dim=dim, keepdim=True)):
            return GLOBAL_MAX
    if any(_close(y, wrong) for wrong in _without_keepdim(x, dim)):
        shape = tuple(s for i, s in enumerate(x.shape) if i != wanted)
        return NO_KEEPDIM.format(shape=format_shape(shape))
    return None


GRADER = FunctionGrader(
    symbol="softmax",
    arg_names=("x",),
    reference=lambda x, dim=-1: torch.softmax(x, dim=dim),
    forbidden=("softmax", "log_softmax", "softmin"),
    forbidden_names=("Softmax", "LogSoftmax", "Softmin"),
    diagnose=diagnose,
    cases=[
        Case("küçük girdiler", lambda g: inputs(g.randn(4, 10))),
        Case(
            "büyük değerler (sayısal kararlılık)",
            lambda g: inputs(g.randn(3, 6, scale=1e4)),
            note=(
                "Değerler ±10⁴ büyüklüğünde ve exp(10000) float32'de sonsuzdur: kararlı bir "
                "softmax, exp almadan önce her dilimden kendi en büyük değerini çıkarır."
            ),
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
        Case("kare girdi (4×4)", lambda g: inputs(g.randn(4, 4))),
    ],
)

# değiştirildi
