"""Değerlendirici: train_multiclass_classifier (Gauss kümelerini sınıflara ayırmak).

Öğrencinin `train_multiclass_classifier(X, y, num_classes)` fonksiyonu kendi sürecinde,
alıştırmanın süre sınırı içinde, tohumdan çekilen üç veri setinde çalışır: 3 sınıflı iki veri
seti ve 5 sınıflı bir veri seti (merkezler ve yayılım her seferinde yeniden çekilir; elle
yazılmış bir kural tutmaz). Eğitim boyunca kayıp eğrisi, eniyileyici adımları ve zero_grad
çağrıları kaydedilir. Dönen model kaydedilir ve eğitimin hiç yapılmadığı yeni bir süreçte
yüklenir; görülmemiş noktalar yalnızca orada modele verilir, etiketleri hiçbir öğrenci sürecine
girmez. Doğruluk (argmax) değerlendirme işinde hesaplanır. Sonuçta öğrencinin kayıp eğrisi
referans çözümünkinin yanında gösterilir.

Pack authors: every case draws the same three data sets (`_SharedData.build_cases`), and a fit
runs inside a `once` script op, so the learner's process fits each data set once however many
cases judge it. `blob_params` and `make_blobs` are the data recipe: 100 training and 100
held-out points per class.
"""

from __future__ import annotations

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

SYMBOL = "train_multiclass_classifier"
PER_CLASS = 100
LEAST_ACCURACY = 0.95
DATA_SETS = {"A3": 3, "B3": 3, "A5": 5}  # name: number of classes


def reference_train_multiclass_classifier(X, y, num_classes):
    std = X.std(dim=0, correction=0).clamp_min(1e-8)
    model = nn.Sequential(
        fitting.Standardize(X.mean(dim=0), std),
        nn.Linear(2, 32),
        nn.ReLU(),
        nn.Linear(32, num_classes),
    )
    loss_fn = nn.CrossEntropyLoss()
    # 100 steps at 0.05: as accurate as the solution's 200 at 0.02 here, at half its cost.
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    for _ in range(100):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
    return model


def blob_params(g, num_classes: int):
    """`g` is the engine's seeded `Gen`. Returns the centres (C, 2) and the spread σ."""
    sigma = g.uniform(1, low=0.4, high=0.6).item()
    centres: list[torch.Tensor] = []
    while len(centres) < num_classes:
        candidate = g.uniform(2, low=-5.0, high=5.0)
        if all((candidate - c).norm() >= 7 * sigma for c in centres):
            centres.append(candidate)
    return torch.stack(centres), sigma


def make_blobs(g, n_per_class: int, params):
    centres, sigma = params
    y = torch.arange(len(centres)).repeat_interleave(n_per_class)
    X = centres[y] + sigma * g.randn(len(y), 2)
    order = torch.randperm(len(y), generator=g.torch)
    return X[order], y[order]


# ---------------------------------------------------------------------------------------------
# Cases: the fits, shared; held-out inputs only in the second stage
# ---------------------------------------------------------------------------------------------


def _draw(g) -> dict[str, dict]:
    data = {}
    for name, classes in DATA_SETS.items():
        params = blob_params(g, classes)
        X, y = make_blobs(g, PER_CLASS, params)
        X_held, y_held = make_blobs(g, PER_CLASS, params)
        data[name] = {"X": X, "y": y, "C": classes, "X_held": X_held, "y_held": y_held}
    for name in data:
        data[name]["seed"] = g.integer(0, 2**31 - 1)
    return data


def _fit(name: str, data: dict) -> dict:
    return fitting.fit_op(SYMBOL, name, data, [data["X"], data["y"], data["C"]])


def _held_out(*names: str):
    """Fit the named data sets; each model predicts on its own held-out points (second stage),
    whose labels stay in the secret."""

    def make(g) -> Script:
        data = _draw(g)
        return Script(
            fitting.on_cpu([_fit(name, data[name]) for name in names]),
            then=fitting.on_cpu(
                [op for name in names for op in fitting.predict_ops(name, data[name]["X_held"])]
            ),
            secret={
                name: {"X": data[name]["X_held"], "y": data[name]["y_held"], "C": data[name]["C"]}
                for name in names
            },
        )

    return make


def _two_fits(g) -> Script:
    """Fits A3 and B3; both models predict on the union of both held-out sets."""
    data = _draw(g)
    probe = torch.cat([data["A3"]["X_held"], data["B3"]["X_held"]])
    return Script(
        fitting.on_cpu([_fit("A3", data["A3"]), _fit("B3", data["B3"])]),
        then=fitting.on_cpu(fitting.predict_ops("A3", probe) + fitting.predict_ops("B3", probe)),
    )


# ---------------------------------------------------------------------------------------------
# Judging
# ---------------------------------------------------------------------------------------------

SHAPE = (
    "çıktının şekli (M, {C}) olmalı, {shape} geldi: model sınıf başına bir logit vermeli ve "
    "çıktı katmanının boyu num_classes'tan gelmeli."
)
SOFTMAX_OUTPUT = (
    "model logit değil olasılık döndürüyor (her satırın toplamı 1): softmax'ı modelden çıkarın; "
    "CrossEntropyLoss softmax'ı kendisi uygular (çift softmax öğrenmeyi bozar)."
)
ALSO_PROBABILITIES = " Çıktılar olasılık gibi (her satırın toplamı 1); softmax'ı modelden çıkarın."


def _outputs(run: Run, name: str, count: int, classes: int):
    problem = fitting.model_problem(run, SYMBOL, name)
    if problem:
        return None, problem
    out = tensor_of(run.record(f"tahmin {name}"))
    if tuple(out.shape) != (count, classes) or not out.dtype.is_floating_point:
        return None, SHAPE.format(C=classes, shape=tuple(out.shape))
    return out.detach().double(), None


def _probabilities(out: torch.Tensor) -> bool:
    """Non-negative rows that sum to 1: a softmax at the end."""
    return bool(out.min() >= 0) and bool(((out.sum(dim=1) - 1).abs() <= 1e-4).all())


def _held(run: Run, name: str):
    secret = run.secret[name]
    return _outputs(run, name, len(secret["y"]), secret["C"])


def _accuracy_problem(run: Run, name: str) -> str | None:
    out, problem = _held(run, name)
    if problem:
        return problem
    accuracy = (out.argmax(dim=1) == run.secret[name]["y"]).double().mean().item()
    if accuracy >= LEAST_ACCURACY:
        return None
    message = fitting.accuracy_message(accuracy, LEAST_ACCURACY)
    if bool(torch.isfinite(out).all()) and _probabilities(out):
        return message + ALSO_PROBABILITIES
    return message + fitting.training_problem(fitting.watch(run, name))


def _accuracy(run: Run, name: str) -> Outcome:
    problem = _accuracy_problem(run, name)
    return Outcome(
        problem is None,
        problem or M.GRADE_OK,
        series=fitting.shown(fitting.curve(fitting.watch(run, name))),
        reference_series=fitting.shown(fitting.curve(fitting.watch(run, name, expected=True))),
    )


def judge(run: Run):
    if run.name == "çıktının şekli":
        return _held(run, "A3")[1] or _held(run, "A5")[1]
    if run.name == "logit değerleri (softmax yok)":
        out, problem = _held(run, "A3")
        if problem:
            return problem
        return SOFTMAX_OUTPUT if _probabilities(out) else None
    if run.name == "doğruluk (görülmemiş noktalar, 3 sınıf)":
        return _accuracy(run, "A3")
    if run.name == "doğruluk (görülmemiş noktalar, 5 sınıf)":
        return _accuracy(run, "A5")
    if run.name == "farklı veri, farklı model":
        count = 2 * 3 * PER_CLASS
        first, problem = _outputs(run, "A3", count, 3)
        second, problem_b = _outputs(run, "B3", count, 3)
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
    reference={SYMBOL: reference_train_multiclass_classifier},
    judge=judge,
    cases=[
        LoopCase("çıktının şekli", _held_out("A3", "A5"), reference=False),
        LoopCase("logit değerleri (softmax yok)", _held_out("A3"), reference=False),
        LoopCase("doğruluk (görülmemiş noktalar, 3 sınıf)", _held_out("A3")),
        LoopCase("doğruluk (görülmemiş noktalar, 5 sınıf)", _held_out("A5")),
        LoopCase("farklı veri, farklı model", _two_fits, reference=False),
    ],
)
