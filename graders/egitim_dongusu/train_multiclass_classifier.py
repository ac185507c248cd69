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

SYMBOL = "train_multiclass_classifier"
PER_CLASS = 100
LEAST_ACCURACY = 0.95
DATA_SETS = {"A3": 3, "B3": 3, "A5": 5}  # name: number of classes


class _Standardize(nn.Module):
    def __init__(self, mean: torch.Tensor, std: torch.Tensor):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return (x - self.mean) / self.std


def reference_train_multiclass_classifier(X, y, num_classes):
    std = X.std(dim=0, correction=0).clamp_min(1e-8)
    model = nn.Sequential(
        _Standardize(X.mean(dim=0), std), nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, num_classes)
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
    for name, classes in DATA_SETS.items():
        params = blob_params(g, classes)
        X, y = make_blobs(g, PER_CLASS, params)
        X_held, y_held = make_blobs(g, PER_CLASS, params)
        data[name] = {"X": X, "y": y, "C": classes, "X_held": X_held, "y_held": y_held}
    for name in data:
        data[name]["seed"] = g.integer(0, 2**31 - 1)
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
                "args": [data["X"], data["y"], data["C"]],
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


def _held_out(*names: str):
    """Fit the named data sets; each model predicts on its own held-out points (second stage),
    whose labels stay in the secret."""

    def make(g) -> Script:
        data = _draw(g)
        return Script(
            _on_cpu([_fit(name, data[name]) for name in names]),
            then=_on_cpu([op for name in names for op in _predict(name, data[name]["X_held"])]),
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
        _on_cpu([_fit("A3", data["A3"]), _fit("B3", data["B3"])]),
        then=_on_cpu(_predict("A3", probe) + _predict("B3", probe)),
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
ALSO_NOT_TRAINED = (
    " Eğitim sırasında ne geri yayılım ne de eniyileyici adımı kaydedildi: model veriden "
    "öğrenmemiş."
)


def _watch(run: Run, name: str, expected: bool = False) -> dict:
    value = (run.expected if expected else run.record)(f"dönen {name}:watch")
    return value if isinstance(value, dict) else {}


def _curve(watch: dict) -> list[float]:
    curve = watch.get("curve")
    if not isinstance(curve, list):
        return []
    return [float(v) for v in curve if isinstance(v, (int, float))]


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


def _training_problem(watch: dict) -> str:
    """What the records of the fit say about a model that did not learn (may be nothing)."""
    curve = _curve(watch)
    steps, zero_grads = int(watch.get("steps", 0)), int(watch.get("zero_grads", 0))
    if steps == 0 and not curve:
        return ALSO_NOT_TRAINED
    if steps > 1 and zero_grads == 0:
        return M.FIT_NO_ZERO_GRAD
    if _flat(curve):
        return M.FIT_FLAT
    if still_decreasing(curve):
        return M.FIT_STILL_DECREASING
    return ""


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


def _outputs(run: Run, name: str, count: int, classes: int):
    problem = _model_problem(run, name)
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
    message = M.FIT_ACCURACY.format(acc=accuracy, least=LEAST_ACCURACY)
    if bool(torch.isfinite(out).all()) and _probabilities(out):
        return message + ALSO_PROBABILITIES
    return message + _training_problem(_watch(run, name))


def _accuracy(run: Run, name: str) -> Outcome:
    problem = _accuracy_problem(run, name)
    return Outcome(
        problem is None,
        problem or M.GRADE_OK,
        series=_shown(_curve(_watch(run, name))),
        reference_series=_shown(_curve(_watch(run, name, expected=True))),
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


GRADER = _SharedData(
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
