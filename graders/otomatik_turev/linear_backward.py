"""Değerlendirici: linear_backward."""

import torch
import torch.nn.functional as F

from tutor.grading.spec import Case, FunctionGrader, inputs


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
