"""Değerlendirici: fit_linear_regression (bir doğruyu baştan sona eğitmek).

Öğrencinin `fit_linear_regression(X, y)` fonksiyonu kendi sürecinde, alıştırmanın süre sınırı
içinde, tohumdan çekilen iki veri setinde çalışır (eğim ve sapma her seferinde yeniden çekilir;
elle yazılmış bir doğru tutmaz). Eğitim boyunca kayıp eğrisi, eniyileyici adımları ve zero_grad
çağrıları kaydedilir. Dönen model kaydedilir ve eğitimin hiç yapılmadığı yeni bir süreçte
yüklenir; görülmemiş noktalar (−3 ile 3 arasında 61 nokta) yalnızca orada modele verilir.
Eğim ve sapma, bu tahminlerden değerlendirme işinde çıkarılır; gerçek değerler öğrencinin
sürecine hiç girmez. Sonuçta öğrencinin kayıp eğrisi referans çözümünkinin yanında gösterilir.

Pack authors: every case draws the same two data sets (`_SharedData.build_cases`), and a fit
runs inside a `once` script op, so the learner's process fits each data set once however many
cases judge it (the process has one time limit for all cases). `make_line` is the data recipe.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from tutor import messages as M
from tutor.grading.driver.script import MAX_EXPORT
from tutor.grading.loops import (
    LoopCase,
    LoopGrader,
    Run,
    Script,
    ref,
    stage_value,
    tensor_of,
)
from tutor.grading.spec import Gen, Outcome, PreparedCase, case_seed

SYMBOL = "fit_linear_regression"
N_TRAIN = 256
PROBE = torch.linspace(-3, 3, 61).unsqueeze(1)
TOLERANCE = 0.05


def reference_fit_linear_regression(X, y):
    model = nn.Linear(1, 1)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(300):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
    return model


def make_line(g, n: int):
    """`g` is the engine's seeded `Gen`. Returns X (n, 1), y (n, 1), slope a, intercept b."""
    sign = g.choice([-1.0, 1.0])
    a = sign * g.uniform(1, low=0.5, high=3.0).item()
    b = g.uniform(1, low=-2.0, high=2.0).item()
    X = g.uniform(n, 1, low=-3.0, high=3.0)
    y = a * X + b + 0.1 * g.randn(n, 1)
    return X, y, a, b


def fitted_line(probe: torch.Tensor, predictions: torch.Tensor) -> tuple[float, float]:
    """Slope and intercept of the least-squares line through the model's predictions."""
    design = torch.cat([probe, torch.ones_like(probe)], dim=1).double()
    solution = torch.linalg.lstsq(design, predictions.double()).solution.squeeze(1)
    return solution[0].item(), solution[1].item()


# ---------------------------------------------------------------------------------------------
# Cases: the fits, shared; held-out inputs only in the second stage
# ---------------------------------------------------------------------------------------------


class _SharedData(LoopGrader):
    """Every case draws its data from one stream, so the cases judge the same fits."""

    def build_cases(self, seed: int) -> list[PreparedCase]:
        shared = case_seed(seed, 0)
        prepared = []
        for index, spec in enumerate(self.cases):
            script = spec.make(Gen(shared))
            if not isinstance(script, Script):
                raise TypeError(f"case '{spec.name}': make() must return Script(...)")
            prepared.append(PreparedCase(index, spec.name, case_seed(seed, index), script, spec))
        return prepared


def _draw(g) -> dict[str, dict]:
    data = {}
    for name in ("A", "B"):
        X, y, a, b = make_line(g, N_TRAIN)
        data[name] = {"X": X, "y": y, "a": a, "b": b, "seed": g.integer(0, 2**31 - 1)}
    return data


def _fit(name: str, data: dict) -> dict:
    """Seed every generator, call the learner's fit (watched), export the model it returned."""
    return {
        "op": "once",
        "ops": [
            {"op": "scramble", "seed": data["seed"]},
            {
                "op": "call",
                "fn": SYMBOL,
                "args": [data["X"], data["y"]],
                "record": f"dönen {name}",
                "as": f"model {name}",
                "watch": True,
            },
            {"op": "export", "target": ref(f"model {name}"), "record": f"model {name}"},
        ],
    }


def _on_cpu(ops: list[dict]) -> list[dict]:
    """The learner's model is built by the learner, on the CPU: its data stays there too."""
    return [{"op": "device", "device": "cpu", "ops": ops}]


def _predict(name: str, x: torch.Tensor) -> list[dict]:
    return [
        {
            "op": "receive",
            "value": stage_value(f"model {name}"),
            "as": f"model {name}",
            "record": f"alındı {name}",
        },
        {"op": "predict", "model": ref(f"model {name}"), "x": x, "record": f"tahmin {name}"},
    ]


def _script(g, names: tuple[str, ...]) -> Script:
    data = _draw(g)
    return Script(
        _on_cpu([_fit(name, data[name]) for name in names]),
        then=_on_cpu([op for name in names for op in _predict(name, PROBE)]),
        secret={name: {"a": data[name]["a"], "b": data[name]["b"]} for name in names},
    )


# ---------------------------------------------------------------------------------------------
# Judging
# ---------------------------------------------------------------------------------------------

SHAPE = (
    "tahminlerin şekli (M, 1) olmalı, {shape} geldi: model (M, 1) girdiye (M, 1) tahmin vermeli."
)
DIVERGED = (
    "tahminler NaN ya da sonsuz: kayıp ıraksamış. Öğrenme oranı bu veri için çok büyük; küçültün."
)
LINE = "öğrenilen eğim {a_hat:.3f} ve sapma {b_hat:.3f}; verideki eğim {a:.3f}, sapma {b:.3f}"
SLOPE_ONLY = "öğrenilen eğim {a_hat:.3f}, verinin eğimi {a:.3f}:"
NO_ZERO_GRAD = SLOPE_ONLY + M.FIT_NO_ZERO_GRAD
FLAT = (
    SLOPE_ONLY + " kayıp hiç azalmamış; eniyileyici modelin parametrelerini güncellemiyor "
    "(eniyileyiciyi döndürdüğünüz modelin parameters() ile kurun)."
)
TOO_FEW_STEPS = (
    LINE + ". Kayıp hâlâ düşüyordu: eğitim yakınsamadan bitmiş (adım sayısını ya da öğrenme "
    "oranını artırın)."
)
OFF_THE_LINE = LINE + f" (fark en fazla {TOLERANCE} olmalı)."


def _watch(run: Run, name: str, expected: bool = False) -> dict:
    value = (run.expected if expected else run.record)(f"dönen {name}:watch")
    return value if isinstance(value, dict) else {}


def _curve(watch: dict) -> list[float]:
    curve = watch.get("curve")
    return (
        [float(v) for v in curve if isinstance(v, (int, float))] if isinstance(curve, list) else []
    )


def _shown(curve: list[float]) -> list[float]:
    """The curve for the plot: up to its first NaN or infinity."""
    for i, value in enumerate(curve):
        if not math.isfinite(value):
            return curve[:i]
    return curve


def still_decreasing(curve: list[float]) -> bool:
    """The loss was still going down when training stopped."""
    if len(curve) < 5:
        return False
    k = max(1, len(curve) // 10)
    last, before = curve[-k:], curve[-2 * k : -k]
    return min(curve) == curve[-1] and sum(last) / k < sum(before) / k


def _flat(curve: list[float]) -> bool:
    """The same loss at every step: no parameter the loss depends on ever changed."""
    return len(curve) >= 2 and max(curve) - min(curve) <= 1e-6 * abs(curve[0])


def _model_problem(run: Run, name: str) -> str | None:
    """Why there are no predictions to judge, if there are none."""
    received = run.record(f"alındı {name}")
    if isinstance(received, dict) and "unpicklable" in received:
        return M.FIT_UNPICKLABLE.format(detail=received["unpicklable"])
    if isinstance(received, dict) and "too_large" in received:
        return M.FIT_TOO_LARGE.format(mb=received["too_large"] / 2**20, limit=MAX_EXPORT / 2**20)
    if isinstance(received, dict) and "unloadable" in received:
        return M.FIT_UNLOADABLE.format(detail=received["unloadable"])
    returned = run.record(f"dönen {name}")
    if returned is None or isinstance(returned, (bool, int, float, str, list, tuple)):
        return M.FIT_NOT_A_MODEL.format(fn=SYMBOL, got=type(returned).__name__)
    if isinstance(returned, dict) and "tensor" in returned:
        return M.FIT_NOT_A_MODEL.format(fn=SYMBOL, got="tensör")
    predicted = run.record(f"tahmin {name}")
    if isinstance(predicted, dict) and "raised" in predicted:
        return M.FIT_PREDICT_RAISED.format(
            exc_type=predicted["raised"], exc=predicted.get("message", "")
        )
    if tensor_of(predicted) is None:
        got = (
            predicted.get("type", "?") if isinstance(predicted, dict) else type(predicted).__name__
        )
        return M.FIT_NOT_TENSOR.format(got=got)
    return None


def _predictions(run: Run, name: str) -> tuple[torch.Tensor | None, str | None]:
    problem = _model_problem(run, name)
    if problem:
        return None, problem
    out = tensor_of(run.record(f"tahmin {name}"))
    if tuple(out.shape) != (len(PROBE), 1):
        return None, SHAPE.format(shape=tuple(out.shape))
    return out.detach().double(), None


def _line_problem(run: Run) -> str | None:
    out, problem = _predictions(run, "A")
    if problem:
        return problem
    a, b = run.secret["A"]["a"], run.secret["A"]["b"]
    watch = _watch(run, "A")
    curve = _curve(watch)
    finite = bool(torch.isfinite(out).all())
    a_hat, b_hat = fitted_line(PROBE, out) if finite else (math.nan, math.nan)
    if finite and abs(a_hat - a) <= TOLERANCE and abs(b_hat - b) <= TOLERANCE:
        return None
    shown = {"a_hat": a_hat, "b_hat": b_hat, "a": a, "b": b}
    if int(watch.get("steps", 0)) > 1 and int(watch.get("zero_grads", 0)) == 0:
        return NO_ZERO_GRAD.format(**shown)
    if not finite or not all(math.isfinite(v) for v in curve):
        return DIVERGED
    if _flat(curve):
        return FLAT.format(**shown)
    if still_decreasing(curve):
        return TOO_FEW_STEPS.format(**shown)
    return OFF_THE_LINE.format(**shown)


def judge(run: Run):
    if run.name == "tahmin şekli":
        return _predictions(run, "A")[1]
    if run.name == "eğim ve sapma":
        problem = _line_problem(run)
        return Outcome(
            problem is None,
            problem or M.GRADE_OK,
            series=_shown(_curve(_watch(run, "A"))),
            reference_series=_shown(_curve(_watch(run, "A", expected=True))),
        )
    if run.name == "farklı veri, farklı model":
        first, problem = _predictions(run, "A")
        second, problem_b = _predictions(run, "B")
        if problem or problem_b:
            return problem or problem_b
        if not (torch.isfinite(first).all() and torch.isfinite(second).all()):
            return DIVERGED
        if not (first - second).abs().max() <= 1e-6:
            return None
        if (first - first[:1]).abs().max() <= 1e-6:  # every row the same
            return M.FIT_SAME_CONSTANT
        return M.FIT_HARD_CODED
    raise ValueError(f"unknown case {run.name!r}")


GRADER = _SharedData(
    symbols=[SYMBOL],
    reference={SYMBOL: reference_fit_linear_regression},
    judge=judge,
    cases=[
        LoopCase("tahmin şekli", lambda g: _script(g, ("A",)), reference=False),
        LoopCase("eğim ve sapma", lambda g: _script(g, ("A",))),
        LoopCase("farklı veri, farklı model", lambda g: _script(g, ("A", "B")), reference=False),
    ],
)
