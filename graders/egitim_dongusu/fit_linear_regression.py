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
from tutor.grading import fitting
from tutor.grading.loops import (
    LoopCase,
    Run,
    Script,
    tensor_of,
)
from tutor.grading.spec import Outcome

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


def _draw(g) -> dict[str, dict]:
    data = {}
    for name in ("A", "B"):
        X, y, a, b = make_line(g, N_TRAIN)
        data[name] = {"X": X, "y": y, "a": a, "b": b, "seed": g.integer(0, 2**31 - 1)}
    return data


def _fit(name: str, data: dict) -> dict:
    return fitting.fit_op(SYMBOL, name, data, [data["X"], data["y"]])


def _script(g, names: tuple[str, ...]) -> Script:
    data = _draw(g)
    return Script(
        fitting.on_cpu([_fit(name, data[name]) for name in names]),
        then=fitting.on_cpu([op for name in names for op in fitting.predict_ops(name, PROBE)]),
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


def _predictions(run: Run, name: str) -> tuple[torch.Tensor | None, str | None]:
    problem = fitting.model_problem(run, SYMBOL, name)
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
    watch = fitting.watch(run, "A")
    curve = fitting.curve(watch)
    finite = bool(torch.isfinite(out).all())
    a_hat, b_hat = fitted_line(PROBE, out) if finite else (math.nan, math.nan)
    if finite and abs(a_hat - a) <= TOLERANCE and abs(b_hat - b) <= TOLERANCE:
        return None
    shown = {"a_hat": a_hat, "b_hat": b_hat, "a": a, "b": b}
    if int(watch.get("steps", 0)) > 1 and int(watch.get("zero_grads", 0)) == 0:
        return NO_ZERO_GRAD.format(**shown)
    if not finite or not all(math.isfinite(v) for v in curve):
        return DIVERGED
    if fitting.flat(curve):
        return FLAT.format(**shown)
    if fitting.still_decreasing(curve):
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
            series=fitting.shown(fitting.curve(fitting.watch(run, "A"))),
            reference_series=fitting.shown(fitting.curve(fitting.watch(run, "A", expected=True))),
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


GRADER = fitting.SharedDataGrader(
    symbols=[SYMBOL],
    reference={SYMBOL: reference_fit_linear_regression},
    judge=judge,
    cases=[
        LoopCase("tahmin şekli", lambda g: _script(g, ("A",)), reference=False),
        LoopCase("eğim ve sapma", lambda g: _script(g, ("A",))),
        LoopCase("farklı veri, farklı model", lambda g: _script(g, ("A", "B")), reference=False),
    ],
)
