"""Değerlendirici: linear_backward."""

import torch
import torch.nn.functional as F

from tutor.grading.compare import RemoteTensor
from tutor.grading.spec import Case, FunctionGrader, inputs

BIAS_MEAN = (
    "grad_bias, grad_output'un örnekler üzerinden ortalamasına eşit: toplam yerine ortalama "
    "alınmış. Sapma her örneğin çıktısına eklendiği için gradyanı bütün örneklerin katkılarının "
    "toplamıdır: grad_output.sum(dim=0)."
)
BIAS_NOT_SUMMED = (
    "grad_bias, grad_output'un kendisi: yığın boyutu (dim=0) boyunca toplanmamış. grad_bias "
    "bias ile aynı şekilde, (out_features,) olmalı: grad_output.sum(dim=0)."
)
GRAD_X_TRANSPOSED = (
    "grad_x, grad_output @ weight.T'ye eşit: weight'in devriği alınmamalıydı. y = x @ weight.T "
    "olduğundan grad_x = grad_output @ weight, şekli (N, in_features)."
)
GRAD_WEIGHT_TRANSPOSED = (
    "grad_weight, x.T @ grad_output'a eşit: şekli (in_features, out_features) olmuş, oysa "
    "weight (out_features, in_features) şeklinde. grad_weight = grad_output.T @ x."
)


def _close(got, wanted):
    return got.shape == wanted.shape and torch.allclose(
        got.double(), wanted.double(), atol=1e-4, rtol=1e-3
    )


def diagnose(data, got, expected):
    """Bir gradyan farklıysa: yaygın devrik ve toplam hatalarından hangisi?"""
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        return None
    if not all(isinstance(t, RemoteTensor) for t in got):
        return None
    x, weight, _, grad_output = (t.detach().double() for t in data.args)
    grad_x, grad_weight, grad_bias = (t.tensor for t in got)
    if grad_output.shape[0] > 1 and _close(grad_bias, grad_output.mean(dim=0)):
        return BIAS_MEAN
    if grad_output.shape[0] > 1 and _close(grad_bias, grad_output):
        return BIAS_NOT_SUMMED
    if weight.shape[0] == weight.shape[1] and _close(grad_x, grad_output @ weight.T):
        return GRAD_X_TRANSPOSED
    if x.shape[1] != grad_output.shape[1] and _close(grad_weight, x.T @ grad_output):
        return GRAD_WEIGHT_TRANSPOSED
    return None


def reference(x, weight, bias, grad_output):
    """Otomatik türevin F.linear için bulduğu gradyanlar: (grad_x, grad_weight, grad_bias)."""
    leaves = [t.detach().clone().requires_grad_(True) for t in (x, weight, bias)]
    return torch.autograd.grad(F.linear(*leaves), leaves, grad_output)


def _linear(g, n, in_features, out_features, dtype=torch.float32):
    return inputs(
        g.randn(n, in_features, dtype=dtype),
        g.randn(out_features, in_features, dtype=dtype),
        g.randn(out_features, dtype=dtype),
        g.randn(n, out_features, dtype=dtype),
    )


def _non_contiguous(g):
    return inputs(g.randn(3, 5).t(), g.randn(3, 2).t(), g.randn(2), g.randn(2, 5).t())


SHAPES_NOTE = (
    "Her gradyan, karşılık geldiği tensörle aynı şekilde olmalı: grad_x ↔ x (N, in), "
    "grad_weight ↔ weight (out, in), grad_bias ↔ bias (out,). Ağırlık kare olduğunda yanlış "
    "yerde alınmış bir devrik (.T) şekil hatası vermez, yalnızca değerleri bozar."
)

GRADER = FunctionGrader(
    symbol="linear_backward",
    arg_names=("x", "weight", "bias", "grad_output"),
    reference=reference,
    check_grad=False,
    output_names=("grad_x", "grad_weight", "grad_bias"),
    diagnose=diagnose,
    # Tensor.backward, torch.autograd.backward ve torch.autograd.grad (torch.func.vjp,
    # torch.autograd.functional.* de içeride onu çağırır) çalışırken yakalanır.
    forbidden=("backward", "grad"),
    # Kaynakta: `y.grad_fn(...)` ile düğümü doğrudan çağırmak ve torch.autograd'a erişmek.
    forbidden_names=("grad_fn", "autograd"),
    cases=[
        Case("kare ağırlık (3×3)", lambda g: _linear(g, 4, 3, 3), note=SHAPES_NOTE),
        Case("kare olmayan ağırlık (5×3)", lambda g: _linear(g, 4, 3, 5)),
        Case(
            "tek örneklik yığın (N = 1)",
            lambda g: _linear(g, 1, 4, 2),
            note="N = 1 olsa bile grad_bias'ın şekli (out_features,) olmalı.",
        ),
        Case("float64", lambda g: _linear(g, 3, 4, 5, dtype=torch.float64)),
        Case("bitişik olmayan girdiler", _non_contiguous),
        Case(
            "rastgele şekiller",
            lambda g: _linear(g, g.integer(1, 8), g.integer(1, 8), g.integer(1, 8)),
            repeat=3,
        ),
    ],
)
