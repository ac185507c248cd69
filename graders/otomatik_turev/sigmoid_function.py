"""Değerlendirici: sigmoid_function (kendi torch.autograd.Function sınıfı).

Bu alıştırmanın hataları çoğunlukla yalnızca backward'dadır: ileri geçişin çıktısı doğrudur,
gradyan yanlıştır. FunctionGrader'ın `diagnose`'u yalnızca çıktıyı gördüğü için, bu
değerlendirici gradyan farklı çıktığında backward'daki yaygın hataları da sınar (değerlendirme
işinde, öğrenci süreci bittikten sonra; öğrencinin gönderdiği gradyan yalnızca bir değerdir).
"""

import torch

from tutor import messages as M
from tutor.grading.autograd_checks import FunctionClassGrader, GradcheckCase
from tutor.grading.compare import RemoteTensor
from tutor.grading.driver.seeded import upstream_gradient
from tutor.grading.spec import Case, Outcome, inputs

EXTREMES = [-1000.0, -100.0, -20.0, -1.0, 0.0, 1.0, 20.0, 100.0, 1000.0]

IGNORES_GRAD_OUTPUT = (
    "backward'ın döndürdüğü gradyan yerel türevin kendisi, σ · (1 − σ): yukarıdan gelen "
    "gradyanla (grad_output) çarpılmamış. Zincir kuralı gereği grad_output · σ · (1 − σ) "
    "döndürün."
)
USES_INPUT = (
    "backward'da türev σ yerine girdi x ile yazılmış: grad_output · x · (1 − x). forward'da "
    "σ(x) sonucunu kaydedip grad_output · σ · (1 − σ) döndürün."
)
MISSING_ONE_MINUS = (
    "backward, grad_output'u σ · (1 − σ) yerine yalnızca σ ile çarpıyor: (1 − σ) çarpanı eksik."
)
RECOMPUTES_EXP = (
    "backward türevi girdiden e^(−x) / (1 + e^(−x))² olarak yeniden hesaplıyor: x = −1000'de "
    "e^(−x) sonsuz olur ve inf / inf = NaN çıkar. forward'ın kaydettiği σ ile σ · (1 − σ) her "
    "zaman sonludur."
)


def _close(got, wanted):
    return got.shape == wanted.shape and torch.allclose(
        got.double(), wanted.double(), atol=1e-4, rtol=1e-3, equal_nan=True
    )


def backward_diagnosis(case, result):
    """Gradyan farklıysa: backward hangi yanlış formülü hesaplamış?"""
    grads = result.get("grads") if isinstance(result, dict) else None
    if not isinstance(grads, list) or not grads or not isinstance(grads[0], RemoteTensor):
        return None
    x = case.data.args[0]
    got = grads[0].tensor
    if got.shape != x.shape:
        return None
    g = upstream_gradient(case.seed, x.shape, x.dtype).double()
    s = torch.sigmoid(x.double())
    if _close(got, g * s * (1 - s)):
        return None  # gradyan doğru; sorun başka yerde
    if _close(got, s * (1 - s)):
        return IGNORES_GRAD_OUTPUT
    if _close(got, g * x.double() * (1 - x.double())):
        return USES_INPUT
    if _close(got, g * s):
        return MISSING_ONE_MINUS
    if bool(torch.isnan(got).any()):
        e = torch.exp(-x)
        if _close(got, g.to(x.dtype) * e / (1 + e) ** 2):
            return RECOMPUTES_EXP
    return None


def dtype_changed(data, got, expected):
    """Çıktı farklıysa: değerler doğru da yalnızca veri tipi mi değişmiş?"""
    if (
        isinstance(got, RemoteTensor)
        and got.tensor.shape == expected.shape
        and got.tensor.dtype != expected.dtype
        and torch.allclose(got.tensor.double(), expected.double().cpu(), atol=1e-6, rtol=1e-5)
    ):
        return M.DIAG_DTYPE_CHANGED.format(expected=expected.dtype, actual=got.tensor.dtype)
    return None


class SigmoidFunctionGrader(FunctionClassGrader):
    """FunctionClassGrader; gradyan farklı çıkınca `backward_diagnosis`'in cümlesini ekler."""

    def check_case(self, case, result, device):
        outcome = super().check_case(case, result, device)
        if outcome.passed:
            return outcome
        extra = backward_diagnosis(case, result)
        return Outcome(False, f"{outcome.message} {extra}") if extra else outcome


GRADER = SigmoidFunctionGrader(
    symbol="SigmoidFunction",
    arg_names=("x",),
    reference=torch.sigmoid,
    # forward sigmoid'i istediği gibi hesaplayabilir; backward ise kaydedilen tensörle çalışmalı.
    backward_forbidden=("sigmoid", "expit", "logistic", "log_sigmoid", "logsigmoid"),
    diagnose=dtype_changed,
    cases=[
        Case("küçük girdiler", lambda g: inputs(g.randn(4, 5))),
        Case(
            "uç değerler (±1000): değer ve gradyan sonlu",
            lambda g: inputs(torch.tensor(EXTREMES)),
            note=(
                "x = ±1000'de e^x ya da e^(−x) float32'de sonsuz olur; değer de gradyan da sonlu "
                "kalmalı."
            ),
        ),
        GradcheckCase(
            "gradcheck (float64)",
            lambda g: inputs(g.randn(3, 4, dtype=torch.float64)),
            note=(
                "gradcheck her girdiyi eps = 1e-6 kadar oynatıp sayısal bir türev bulur ve bunu "
                "sizin backward'ınızın verdiği gradyanla karşılaştırır. Girdi float64 ise çıktı "
                "da float64 olmalı."
            ),
        ),
        Case("float64 uç değerler", lambda g: inputs(torch.tensor(EXTREMES, dtype=torch.float64))),
        Case("girdi yerinde değiştirilmemeli", lambda g: inputs(g.randn(5, 2)), grad=False),
        Case("bitişik olmayan girdi", lambda g: inputs(g.randn(3, 6).t())),
        Case("rastgele şekil", lambda g: inputs(g.randn(*g.shape(1, 4), scale=5.0)), repeat=3),
    ],
)
