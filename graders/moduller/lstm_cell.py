"""Değerlendirici: LSTMCell (tek zaman adımlı LSTM hücresi)."""

import itertools
import math

import torch
from torch import nn

from tutor.grading.compare import RemoteTensor
from tutor.grading.modules import ModuleGrader, eval_step, init_within, module_case, train_step
from tutor.grading.spec import Case, inputs

GATE_ORDER = (
    "Kapıların sırası karışmış görünüyor: çıktınız, ağırlık satırları sırasıyla ({order}) kapılarına "
    "aitmiş gibi hesaplanana eşit. PyTorch'ta sıra i, f, g, o'dur: [0:h) giriş kapısı (i), [h:2h) "
    "unutma kapısı (f), [2h:3h) aday hücre değeri (g, tanh), [3h:4h) çıkış kapısı (o)."
)


NO_TANH_ON_CELL = (
    "Yeni gizli durum h = o · tanh(c) yerine h = o · c olarak hesaplanmış: hücre durumu "
    "gizli duruma geçmeden önce tanh'tan geçer."
)


def _cell(x, h, c, state, order, tanh_on_cell=True):
    z = x @ state["weight_ih"].T + state["bias_ih"] + h @ state["weight_hh"].T + state["bias_hh"]
    gates = dict(zip(order, z.chunk(4, dim=1)))
    i, f, o = torch.sigmoid(gates["i"]), torch.sigmoid(gates["f"]), torch.sigmoid(gates["o"])
    g = torch.tanh(gates["g"])
    c_next = f * c + i * g
    return o * (torch.tanh(c_next) if tanh_on_cell else c_next), c_next


def _close(got, wanted):
    return torch.allclose(got, wanted, atol=1e-4, rtol=1e-3)


def gate_order(ctx):
    """Çıktı farklıysa: kapılar başka bir sırayla mı okunmuş, h'de tanh mı unutulmuş?"""
    got = ctx.got
    if (
        not isinstance(got, (tuple, list))
        or len(got) != 2
        or not all(isinstance(t, RemoteTensor) for t in got)
    ):
        return None
    state = {k: v.double().cpu() for k, v in ctx.state.items()}
    x = ctx.inputs[0].double().cpu()
    hidden = state["weight_hh"].shape[1]
    if len(ctx.inputs) == 3:
        h, c = ctx.inputs[1].double().cpu(), ctx.inputs[2].double().cpu()
    else:
        h = c = torch.zeros(x.shape[0], hidden, dtype=torch.float64)
    got_h, got_c = (t.tensor.double() for t in got)
    if got_h.shape != (x.shape[0], hidden) or got_c.shape != got_h.shape:
        return None
    for order in itertools.permutations("ifgo"):
        if order == tuple("ifgo"):
            continue
        h2, c2 = _cell(x, h, c, state, order)
        if _close(got_h, h2) and _close(got_c, c2):
            return GATE_ORDER.format(order=", ".join(order))
    h2, c2 = _cell(x, h, c, state, "ifgo", tanh_on_cell=False)
    if _close(got_h, h2) and _close(got_c, c2):
        return NO_TANH_ON_CELL
    return None


def _steps(g, n_in, n_hidden, n, *, state=True, steps=(train_step,)):
    made = []
    for step in steps:
        x = g.randn(n, n_in)
        made.append(step(x, (g.randn(n, n_hidden), g.randn(n, n_hidden)) if state else None))
    return module_case(inputs(n_in, n_hidden), *made)


GRADER = ModuleGrader(
    symbol="LSTMCell",
    reference=nn.LSTMCell,
    init_names=("input_size", "hidden_size"),
    forward_names=("x", "state"),
    output_names=("h", "c"),
    shape_docs={
        "weight_ih": "4·hidden_size, input_size",
        "weight_hh": "4·hidden_size, hidden_size",
        "bias_ih": "4·hidden_size",
        "bias_hh": "4·hidden_size",
    },
    init_check=init_within(
        lambda a: 1 / math.sqrt(a["hidden_size"]),
        "1/√hidden_size",
        spread=("weight_ih", "weight_hh"),
    ),
    diagnose=gate_order,
    forbidden=("lstm", "lstm_cell", "rnn_tanh_cell", "gru_cell"),
    forbidden_names=("LSTM", "LSTMCell", "RNNCell", "GRUCell", "lstm", "lstm_cell"),
    cases=[
        Case("tek adım, durum verilmiş", lambda g: _steps(g, 5, 4, 3)),
        Case(
            "state=None (sıfır durum)",
            lambda g: _steps(g, 5, 4, 3, state=False),
            note="state None ise h ve c, (N, hidden_size) şeklinde sıfırlarla başlar (x ile aynı cihaz ve veri tipi).",
        ),
        Case(
            "input_size ≠ hidden_size, birkaç adım",
            lambda g: _steps(g, 3, 6, 4, steps=(train_step, train_step, eval_step)),
        ),
        Case("tek örnek (N = 1)", lambda g: _steps(g, 4, 2, 1)),
        Case("başlangıç değerleri (16 → 32)", lambda g: _steps(g, 16, 32, 2)),
        Case(
            "state_dict yükleme (load_state_dict)",
            lambda g: module_case(
                inputs(5, 4),
                train_step(x := g.randn(3, 5), (h := g.randn(3, 4), c := g.randn(3, 4))),
                train_step(x, (h, c), reload=True),
            ),
        ),
    ],
)
