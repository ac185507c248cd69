"""Değerlendirici: Linear (tam bağlı katman)."""

import math

import torch
from torch import nn

from tutor.grading.compare import RemoteTensor
from tutor.grading.modules import ModuleGrader, eval_step, init_within, module_case, train_step
from tutor.grading.spec import Case, inputs

FORGOT_BIAS = (
    "Çıktınız x @ weight.T'ye eşit: sapma (bias) çıktıya eklenmemiş. "
    "y = x @ weight.T + bias olmalı."
)


def diagnose(ctx):
    """Çıktı farklıysa: sapma mı eklenmemiş?"""
    bias = ctx.state.get("bias")
    if not isinstance(ctx.got, RemoteTensor) or bias is None or not bool(bias.any()):
        return None
    y = ctx.got.tensor.double()
    without = ctx.inputs[0].double() @ ctx.state["weight"].double().T
    if y.shape == without.shape and torch.allclose(y, without.cpu(), atol=1e-5, rtol=1e-4):
        return FORGOT_BIAS
    return None


def _layer(g, n_in, n_out, *batch, **init):
    x = g.randn(*batch, n_in)
    return module_case(inputs(n_in, n_out, **init), train_step(x), eval_step(x))


GRADER = ModuleGrader(
    symbol="Linear",
    reference=nn.Linear,
    init_names=("in_features", "out_features", "bias"),
    shape_docs={"weight": "out_features, in_features", "bias": "out_features"},
    attributes=("bias",),
    init_check=init_within(lambda a: 1 / math.sqrt(a["in_features"]), "1/√in_features"),
    diagnose=diagnose,
    forbidden=("linear", "bilinear"),
    forbidden_names=("Linear", "LazyLinear", "Bilinear", "linear", "bilinear"),
    cases=[
        Case("ileri ve geri geçiş (5 → 3)", lambda g: _layer(g, 5, 3, 4)),
        Case(
            "bias=False",
            lambda g: _layer(g, 4, 2, 3, bias=False),
            note="bias=False iken sapma parametresi olmamalı ve çıktıya hiçbir şey eklenmemeli.",
        ),
        Case("başlangıç değerleri (64 → 32)", lambda g: _layer(g, 64, 32, 2)),
        Case(
            "3 boyutlu girdi (B, T, in_features)",
            lambda g: _layer(g, 6, 4, 2, 3),
            note="nn.Linear yalnızca son boyutu dönüştürür; öndeki boyutlar olduğu gibi kalır.",
        ),
        Case(
            "state_dict yükleme (load_state_dict)",
            lambda g: module_case(
                inputs(5, 3), train_step(x := g.randn(4, 5)), train_step(x, reload=True)
            ),
            note="Yüklenen ağırlıklar ileri geçişte kullanılmalı; ağırlığın bir kopyasını __init__ içinde saklamayın.",
        ),
        Case("tek özellik (1 → 1)", lambda g: _layer(g, 1, 1, 5)),
        Case(
            "rastgele boyutlar",
            lambda g: _layer(g, g.integer(1, 9), g.integer(1, 9), g.integer(1, 6)),
            repeat=2,
        ),
    ],
)
