"""Değerlendirici: train_binary_classifier (iç içe iki çemberi ayıran bir sınıflandırıcı).

Öğrencinin `train_binary_classifier(X, y)` fonksiyonu kendi sürecinde, alıştırmanın süre sınırı
içinde, tohumdan çekilen iki veri setinde çalışır (çemberlerin merkezi, yarıçapları ve ölçeği her
seferinde yeniden çekilir; elle yazılmış bir kural tutmaz). Eğitim boyunca kayıp eğrisi,
eniyileyici adımları ve zero_grad çağrıları kaydedilir. Dönen model kaydedilir ve eğitimin hiç
yapılmadığı yeni bir süreçte yüklenir; görülmemiş noktalar yalnızca orada modele verilir, etiketleri
hiçbir öğrenci sürecine girmez. Doğruluk (logit > 0 → iç çember) değerlendirme işinde hesaplanır.
Sonuçta öğrencinin kayıp eğrisi referans çözümünkinin yanında gösterilir.

Pack authors: every case draws the same two data sets (`_SharedData.build_cases`), and a fit
runs inside a `once` script op, so the learner's process fits each data set once however many
cases judge it. `circle_params` and `make_circles` are the data recipe: 400 training and 400
held-out points per data set; the reference reaches 1.000 held-out accuracy on every seed tried.
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

SYMBOL = "train_binary_classifier"
N_POINTS = 400
LEAST_ACCURACY = 0.95


def reference_train_binary_classifier(X, y):
    std = X.std(dim=0, correction=0).clamp_min(1e-8)
    # One hidden layer and 150 steps: as accurate as the solution here, at a third of its cost.
    model = nn.Sequential(
        fitting.Standardize(X.mean(dim=0), std), nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 1)
    )
    loss_fn = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.03)
    for _ in range(150):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
    return model


def circle_params(g):
    """`g` is the engine's seeded `Gen`."""
    centre = g.uniform(2, low=-3.0, high=3.0)
    scale = g.uniform(1, low=0.5, high=2.0).item()
    r_in = scale * g.uniform(1, low=0.5, high=1.0).item()
    r_out = r_in + scale * g.uniform(1, low=0.8, high=1.2).item()
    return centre, r_in, r_out, scale


def make_circles(g, n: int, params):
    centre, r_in, r_out, scale = params
    half = n // 2
    radius = torch.cat([torch.full((half,), r_in), torch.full((n - half,), r_out)])
    radius = radius + 0.08 * scale * g.randn(n)
    angle = g.uniform(n, low=0.0, high=2 * math.pi)
    X = torch.stack([radius * torch.cos(angle), radius * torch.sin(angle)], dim=1) + centre
    y = torch.cat([torch.ones(half, 1), torch.zeros(n - half, 1)])  # 1 = iç çember
    order = torch.randperm(n, generator=g.torch)
    return X[order], y[order]


def affine_r2(inputs: torch.Tensor, outputs: torch.Tensor) -> float:
    """How well an affine function of the inputs explains the outputs (1.0 = exactly affine)."""
    design = torch.cat([inputs, torch.ones(len(inputs), 1)], dim=1).double()
    target = outputs.double()
    fit = design @ torch.linalg.lstsq(design, target).solution
    residual = ((target - fit) ** 2).sum()
    total = ((target - target.mean()) ** 2).sum().clamp_min(1e-12)
    return 1.0 - (residual / total).item()


# ---------------------------------------------------------------------------------------------
# Cases: the fits, shared; held-out inputs only in the second stage
# ---------------------------------------------------------------------------------------------


def _draw(g) -> dict[str, dict]:
    data = {}
    for name in ("A", "B"):
        params = circle_params(g)
        X, y = make_circles(g, N_POINTS, params)
        X_held, y_held = make_circles(g, N_POINTS, params)
        data[name] = {"X": X, "y": y, "X_held": X_held, "y_held": y_held}
    for name in data:
        data[name]["seed"] = g.integer(0, 2**31 - 1)
    return data


def _fit(name: str, data: dict) -> dict:
    return fitting.fit_op(SYMBOL, name, data, [data["X"], data["y"]])


def _held_out(g) -> Script:
    """Fit A; its held-out points in the second stage, their labels only in the secret."""
    data = _draw(g)
    return Script(
        fitting.on_cpu([_fit("A", data["A"])]),
        then=fitting.on_cpu(fitting.predict_ops("A", data["A"]["X_held"])),
        secret={"X": data["A"]["X_held"], "y": data["A"]["y_held"]},
    )


def _two_fits(g) -> Script:
    """Fits A and B; both models predict on the union of both held-out sets."""
    data = _draw(g)
    probe = torch.cat([data["A"]["X_held"], data["B"]["X_held"]])
    return Script(
        fitting.on_cpu([_fit("A", data["A"]), _fit("B", data["B"])]),
        then=fitting.on_cpu(fitting.predict_ops("A", probe) + fitting.predict_ops("B", probe)),
    )


# ---------------------------------------------------------------------------------------------
# Judging
# ---------------------------------------------------------------------------------------------

SHAPE = (
    "çıktının şekli (M, 1) olmalı, {shape} geldi: ikili sınıflandırmada tek bir logit yeter "
    "(BCEWithLogitsLoss ile)."
)
RELU_AFTER_LAST = (
    "hiçbir logit negatif değil ve bazıları tam 0: son katmandan sonra ReLU var gibi. Logit "
    "değerleri negatif de olabilmeli; son katmanı aktivasyonsuz bırakın."
)
SIGMOID_OUTPUT = (
    "model logit değil olasılık döndürüyor (bütün çıktılar 0 ile 1 arasında): sigmoid'i "
    "modelden çıkarın; BCEWithLogitsLoss sigmoid'i kendisi uygular, değerlendirici logit > 0 ile "
    "karar verir."
)
ALSO_PROBABILITIES = " Çıktılar olasılık gibi; sigmoid'i modelden çıkarın."
ALSO_RELU = " Hiçbir logit negatif değil ve bazıları tam 0: son katmandan sonra ReLU var gibi."
ALSO_NON_NEGATIVE = " Hiçbir logit negatif değil: logit > 0 her noktayı iç çembere atar."
ALSO_CONSTANT = " Model her noktaya aynı çıktıyı veriyor."
ALSO_LINEAR = (
    " Modelin karar sınırı düz bir çizgi: gizli katman ya da doğrusal olmayan aktivasyon yok; iç "
    "içe çemberler bir doğruyla ayrılamaz."
)


def _outputs(run: Run, name: str, count: int) -> tuple[torch.Tensor | None, str | None]:
    problem = fitting.model_problem(run, SYMBOL, name)
    if problem:
        return None, problem
    out = tensor_of(run.record(f"tahmin {name}"))
    if tuple(out.shape) != (count, 1):
        return None, SHAPE.format(shape=tuple(out.shape))
    return out.detach().double(), None


def _probabilities(out: torch.Tensor, y: torch.Tensor) -> bool:
    """Outputs in [0, 1] that classify well when cut at 0.5: a sigmoid at the end."""
    if out.min() < 0 or out.max() > 1:
        return False
    return ((out > 0.5).double() == y.double()).double().mean().item() >= 0.9


def _logit_problem(run: Run) -> str | None:
    out, problem = _outputs(run, "A", len(run.secret["y"]))
    if problem:
        return problem
    if not bool(torch.isfinite(out).all()) or out.min() < 0:
        return None
    if bool((out == 0).any()):
        return RELU_AFTER_LAST
    if _probabilities(out, run.secret["y"]):
        return SIGMOID_OUTPUT
    return None


def _accuracy_problem(run: Run) -> str | None:
    X, y = run.secret["X"], run.secret["y"]
    out, problem = _outputs(run, "A", len(y))
    if problem:
        return problem
    accuracy = ((out > 0).double() == y.double()).double().mean().item()
    if accuracy >= LEAST_ACCURACY:
        return None
    message = fitting.accuracy_message(accuracy, LEAST_ACCURACY)
    finite = bool(torch.isfinite(out).all())
    if finite and _probabilities(out, y):
        return message + ALSO_PROBABILITIES
    if finite and affine_r2(X, out) > 0.999:
        return message + ALSO_LINEAR  # its loss may still fall a little: no fit would help
    training = fitting.training_problem(fitting.watch(run, "A"))
    if training and training != M.FIT_FLAT:
        # A fit that never stepped, or stopped while its loss still fell, says so first: an
        # untrained network's logits can all be positive by chance alone.
        return message + training
    if finite and out.min() >= 0:
        return message + (ALSO_RELU if bool((out == 0).any()) else ALSO_NON_NEGATIVE)
    if finite and out.max() - out.min() <= 1e-6 * max(1.0, out.abs().max().item()):
        return message + ALSO_CONSTANT
    return message + training


def judge(run: Run):
    if run.name == "çıktının şekli":
        return _outputs(run, "A", len(run.secret["y"]))[1]
    if run.name == "logit değerleri (sigmoid ya da ReLU yok)":
        return _logit_problem(run)
    if run.name == "doğruluk (görülmemiş noktalar)":
        problem = _accuracy_problem(run)
        return Outcome(
            problem is None,
            problem or M.GRADE_OK,
            series=fitting.shown(fitting.curve(fitting.watch(run, "A"))),
            reference_series=fitting.shown(fitting.curve(fitting.watch(run, "A", expected=True))),
        )
    if run.name == "farklı veri, farklı model":
        first, problem = _outputs(run, "A", 2 * N_POINTS)
        second, problem_b = _outputs(run, "B", 2 * N_POINTS)
        if problem or problem_b:
            return problem or problem_b
        if not (first - second).abs().max() <= 1e-6:
            return None
        if (first - first[:1]).abs().max() <= 1e-6:  # every row the same
            return M.FIT_SAME_CONSTANT
        return M.FIT_HARD_CODED
    raise ValueError(f"unknown case {run.name!r}")


GRADER = fitting.SharedDataGrader(
    symbols=[SYMBOL],
    reference={SYMBOL: reference_train_binary_classifier},
    judge=judge,
    cases=[
        LoopCase("çıktının şekli", _held_out, reference=False),
        LoopCase("logit değerleri (sigmoid ya da ReLU yok)", _held_out, reference=False),
        LoopCase("doğruluk (görülmemiş noktalar)", _held_out),
        LoopCase("farklı veri, farklı model", _two_fits, reference=False),
    ],
)
