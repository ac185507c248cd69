"""Değerlendirici: Trainer (Keras'ın fit'i gibi bir eğitici, yaptıklarıyla değerlendirilir).

Öğrencinin `Trainer(model, loss_fn, optimizer, callbacks=...)` sınıfı motorun kaydeden
nesneleriyle kurulur: Linear(4, 16) → ReLU → Dropout(p) → Linear(16, 3) bir model, bir çapraz
entropi kaybı, bir SGD (momentum 0.9), her gezilişini günlüğe yazan iki veri yükleyici (eğitim:
karıştırılan, doğrulama: sıralı; son mini-yığınları daha küçük olabilir) ve değerlendiricinin
geri çağırmaları: her dönemi ve parametreleri kaydeden, belli bir dönemde durduran, val_loss'a
bakan erken durdurma, StepLR ve ReduceLROnPlateau çizelgelerini ilerleten geri çağırmalar.
Sonra `fit(train_loader, val_loader, epochs)` çağrılır. Aynı betik referans eğiticiyle
değerlendirme işinde de çalışır; geçmiş, geri çağırmalara verilen dönem numaraları ve değerler,
her dönemden sonraki parametreler ve modelin son kipi karşılaştırılır. Günlük (eğitimde ve
doğrulamada modelin kipi, hesaplama çizgesi, adımların sırası) hatayı adlandırır.

For pack authors: the data are three Gaussian blobs in 4-D drawn from the case seed; the
driver seeds the global RNG right before `fit` (the dropout masks match the reference's) and
does not link the callbacks to the trainer itself. Tolerances: history and parameters
atol=1e-6, rtol=1e-5 (the same operations in the same order give the same numbers).
"""

from __future__ import annotations

import torch

from tutor.grading.loops import (
    LoopCase,
    LoopGrader,
    Run,
    Script,
    compare_states,
    float_value,
    order,
    ref,
    shown_order,
)

ATOL, RTOL = 1e-6, 1e-5
KEYS = ("loss", "val_loss", "val_accuracy")


class ReferenceTrainer:
    def __init__(self, model, loss_fn, optimizer, callbacks=()):
        self.model = model
        self.loss_fn = loss_fn
        self.optimizer = optimizer
        self.callbacks = list(callbacks)
        self.stop_training = False
        for callback in self.callbacks:
            callback.trainer = self

    def fit(self, train_loader, val_loader, epochs):
        history = {key: [] for key in KEYS}
        self.stop_training = False
        for epoch in range(epochs):
            self.model.train()
            total, count = 0.0, 0
            for x, y in train_loader:
                self.optimizer.zero_grad()
                loss = self.loss_fn(self.model(x), y)
                loss.backward()
                self.optimizer.step()
                total += loss.item() * len(y)
                count += len(y)
            self.model.eval()
            val_total, correct, val_count = 0.0, 0, 0
            with torch.no_grad():
                for x, y in val_loader:
                    logits = self.model(x)
                    val_total += self.loss_fn(logits, y).item() * len(y)
                    correct += (logits.argmax(dim=1) == y).sum().item()
                    val_count += len(y)
            self.model.train()
            logs = {
                "loss": total / count,
                "val_loss": val_total / val_count,
                "val_accuracy": correct / val_count,
            }
            for key in KEYS:
                history[key].append(logs[key])
            for callback in self.callbacks:
                callback.on_epoch_end(epoch, dict(logs))
            if self.stop_training:
                break
        return history


# The callbacks a case can use, by the name the messages show.
RECORDER, SECOND, STOP, EARLY, STEP_LR, PLATEAU = (
    "Kaydedici",
    "İkinciKaydedici",
    "Durdurucu(2)",
    "ErkenDurdurma",
    "StepLR",
    "ReduceLROnPlateau",
)


def _callback(name: str) -> dict:
    if name == RECORDER:
        return {"type": "recorder", "name": name, "model": ref("model")}
    if name == SECOND:
        return {"type": "recorder", "name": name}
    if name == STOP:
        return {"type": "recorder", "name": name, "stop_at": 2}
    if name == EARLY:
        return {"type": "early_stopping_callback", "name": name, "patience": 1, "min_delta": 0.02}
    scheduler = {
        STEP_LR: ("StepLR", {"step_size": 1, "gamma": 0.5}),
        PLATEAU: ("ReduceLROnPlateau", {"factor": 0.5, "patience": 0}),
    }[name]
    return {
        "type": "scheduler_callback",
        "name": name,
        "optimizer": ref("optimizer"),
        "scheduler": scheduler[0],
        "kwargs": scheduler[1],
    }


def _script(
    g,
    *,
    epochs: int,
    callbacks: tuple[str, ...] = (RECORDER,),
    n_train: int = 48,
    n_val: int = 24,
    p: float = 0.0,
    lr: float = 0.1,
) -> Script:
    seed = g.integer(0, 2**31 - 1)
    centres = g.randn(3, 4) * 1.5

    def blobs(n: int) -> list[torch.Tensor]:
        y = g.randint(0, 3, n)
        return [centres[y] + g.randn(n, 4), y]

    ops: list[dict] = [
        {
            "op": "new",
            "as": "model",
            "spec": {
                "type": "model",
                "layers": [["Linear", 4, 16], ["ReLU"], ["Dropout", p], ["Linear", 16, 3]],
                "seed": seed,
            },
        },
        {"op": "new", "as": "loss_fn", "spec": {"type": "loss", "name": "CrossEntropyLoss"}},
        {
            "op": "new",
            "as": "optimizer",
            "spec": {
                "type": "optimizer",
                "name": "SGD",
                "params": ref("model"),
                "kwargs": {"lr": lr, "momentum": 0.9},
            },
        },
        {
            "op": "new",
            "as": "train_loader",
            "spec": {
                "type": "phase_loader",
                "name": "train",
                "dataset": blobs(n_train),
                "batch_size": 16,
                "shuffle": True,
                "seed": seed + 1,
            },
        },
        {
            "op": "new",
            "as": "val_loader",
            "spec": {
                "type": "phase_loader",
                "name": "val",
                "dataset": blobs(n_val),
                "batch_size": 8,
            },
        },
    ]
    ops += [{"op": "new", "as": name, "spec": _callback(name)} for name in callbacks]
    ops.append(
        {
            "op": "call",
            "fn": "Trainer",
            "args": [ref("model"), ref("loss_fn"), ref("optimizer")],
            "kwargs": {"callbacks": [ref(name) for name in callbacks]},
            "as": "trainer",
        }
    )
    ops += [
        {
            "op": "same",
            "target": ref(name),
            "name": "trainer",
            "other": ref("trainer"),
            "record": f"bağlı:{name}",
        }
        for name in callbacks
    ]
    ops += [
        {"op": "seed", "value": seed + 2},  # the same dropout masks in both runs
        {
            "op": "call",
            "fn": ref("trainer"),
            "method": "fit",
            "args": [ref("train_loader"), ref("val_loader"), epochs],
            "record": "geçmiş",
        },
        {"op": "training", "target": ref("model"), "record": "eğitim_kipi"},
        {"op": "state", "target": ref("model"), "record": "parametreler"},
    ]
    return Script(ops)


# --- messages (Turkish; `{k}` is the epoch, 1-based) ------------------------------------------

NOT_LINKED = (
    "geri çağırmaların trainer özniteliği Trainer'ın kendisi olmalı: __init__ içinde her geri "
    "çağırmaya callback.trainer = self yazın; yoksa bir geri çağırma eğitimi durduramaz "
    "(self.trainer.stop_training = True)."
)
NOT_A_DICT = (
    "fit, geçmişi bir sözlük olarak döndürmeli ({{'loss': [...], 'val_loss': [...], "
    "'val_accuracy': [...]}}); {got} geldi."
)
HISTORY_KEYS = "history anahtarları loss, val_loss, val_accuracy olmalı; gelen: {got}."
HISTORY_TYPE = (
    "history['{key}'] değerleri Python float olmalı; {kind} geldi (tensörleri .item() ile çevirin)."
)
TRAIN_IN_EVAL_FIRST = (
    "1. dönemde eğitim, değerlendirme kipinde yapıldı: eğitimden önce model.train() çağrılmamış."
)
TRAIN_IN_EVAL = (
    "{k}. dönemde eğitim, değerlendirme kipinde yapıldı: doğrulamadan sonra model.train() "
    "çağrılmamış (dropout kapalı kaldı)."
)
VAL_IN_TRAIN = (
    "{k}. dönemde doğrulama eğitim kipinde yapıldı: model.eval() çağrılmamış (dropout açık kaldı)."
)
VAL_GRAPH = (
    "{k}. dönemde doğrulamada hesaplama çizgesi kuruldu: torch.no_grad() kullanılmamış; "
    "doğrulamada gradyan gerekmez, çizge boşuna bellek tutar."
)
NO_ZERO_GRAD = (
    "{k}. dönemde zero_grad çağrılmamış: gradyanlar mini-yığından mini-yığına birikmiş. Her "
    "mini-yığında optimizer.zero_grad() geri yayılımdan önce çağrılmalı."
)
ORDER = "{k}. dönemde eğitim adımlarının sırası: {got}; beklenen: {expected}."
EPOCH_NUMBER = (
    "on_epoch_end'e verilen dönem numarası yanlış: {k}. dönemde {got} geldi, {expected} "
    "bekleniyordu (dönem numarası 0'dan başlamalı)."
)
SOME_NOT_CALLED = (
    "{k}. dönemde bazı geri çağırmalar çağrılmadı ({names}): stop_training, o dönemin bütün "
    "geri çağırmaları çağrıldıktan sonra denetlenmeli."
)
CALLBACKS_DIFFER = (
    "{k}. dönemde geri çağırmalar {got} biçiminde çağrıldı; beklenen: {expected} (listedeki "
    "sırayla, her dönem bir kez)."
)
IGNORED_STOP = (
    "stop_training True olduktan sonra eğitim sürdü: {n}. dönemden sonra durmalıydı, {m} dönem "
    "çalıştı."
)
MORE_EPOCHS = "{m} dönem çalıştı, {n} bekleniyordu (epochs={epochs})."
EARLY_END = (
    "eğitim erken bitti: {m} dönem çalıştı, {n} bekleniyordu. fit'in başında stop_training "
    "False yapılmalı; döngü, bir geri çağırma durdurmadıkça epochs kez dönmeli."
)
HISTORY_LENGTH = (
    "history['{key}'] {got} değer içeriyor, {expected} bekleniyordu (çalışan her dönem için bir "
    "değer)."
)
BATCH_MEAN = (
    "{k}. dönemde {what} örnek başına ortalanmamış: mini-yığın ortalamalarının ortalaması "
    "alınmış (son mini-yığın daha küçük); her mini-yığının kaybını boyuyla çarpıp toplayın, "
    "örnek sayısına bölün."
)
WHAT = {"loss": "eğitim kaybı", "val_loss": "doğrulama kaybı"}
VALUE = "{k}. dönemde history['{key}'] = {got:.6g}, beklenen {expected:.6g}."
LOGS = (
    "{k}. dönemde on_epoch_end'e verilen logs history ile aynı değil: {got}; beklenen: {expected}."
)
NOT_TRAINING_AFTER = (
    "fit döndüğünde model eğitim kipinde olmalı: doğrulamadan sonra model.train() çağrılmamış."
)


# --- judging ------------------------------------------------------------------------------------


def _close(got: float, expected: float) -> bool:
    return abs(got - expected) <= ATOL + RTOL * abs(expected)


def _epochs(events: list[dict]) -> list[dict[str, list[dict]]]:
    """Events grouped by epoch (each starts when the training loader is iterated) and phase."""
    epochs: list[dict[str, list[dict]]] = []
    phase = None
    for event in events:
        kind = event.get("e")
        if kind == "yineleme":
            phase = event.get("loader")
            if phase == "train":
                epochs.append({"train": [], "val": [], "callbacks": []})
            continue
        if not epochs:
            continue
        if kind == "on_epoch_end":
            epochs[-1]["callbacks"].append(event)
        elif kind in ("ileri", "kayıp", "geri", "zero_grad", "adım"):
            epochs[-1]["val" if phase == "val" else "train"].append(event)
    return epochs


def _history_problem(history) -> str | None:
    if not isinstance(history, dict) or "type" in history:
        shown = history.get("type") if isinstance(history, dict) else type(history).__name__
        return NOT_A_DICT.format(got=shown)
    if set(history) != set(KEYS):
        return HISTORY_KEYS.format(got=", ".join(map(str, history)) or "(boş)")
    for key in KEYS:
        values = history[key]
        if not isinstance(values, list):
            return HISTORY_TYPE.format(key=key, kind=type(values).__name__)
        for value in values:
            if not isinstance(value, float):
                kind = "tensör" if isinstance(value, dict) and "tensor" in value else None
                return HISTORY_TYPE.format(key=key, kind=kind or type(value).__name__)
    return None


def _train_order(k: int, names: list[str], expected: list[str]) -> str | None:
    if "adım" in names and "zero_grad" not in names:
        return NO_ZERO_GRAD.format(k=k)
    core = [n for n in names if n != "zero_grad"]
    if core != [n for n in expected if n != "zero_grad"]:
        return ORDER.format(k=k, got=_shown(names), expected=_shown(expected))
    cleared = False  # since the last step
    for name in names:
        if name == "zero_grad":
            cleared = True
        elif name == "geri" and not cleared:
            return NO_ZERO_GRAD.format(k=k)
        elif name == "adım":
            cleared = False
    return None


def _shown(names: list[str], limit: int = 10) -> str:
    return shown_order(names[:limit]) + (" → …" if len(names) > limit else "")


def _mode_problem(got: list[dict], expected: list[dict]) -> str | None:
    for k, epoch in enumerate(got, start=1):
        if any(e.get("e") == "ileri" and not e.get("training") for e in epoch["train"]):
            return TRAIN_IN_EVAL_FIRST if k == 1 else TRAIN_IN_EVAL.format(k=k)
        forwards = [e for e in epoch["val"] if e.get("e") == "ileri"]
        if any(e.get("training") for e in forwards):
            return VAL_IN_TRAIN.format(k=k)
        if any(e.get("grad") for e in forwards):
            return VAL_GRAPH.format(k=k)
        if expected:  # the reference's batches, in the same epoch (or its last)
            pattern = expected[min(k, len(expected)) - 1]["train"]
            problem = _train_order(k, order(epoch["train"]), order(pattern))
            if problem:
                return problem
    return None


def _called(epoch: dict) -> list[tuple]:
    return [(e.get("cb"), e.get("epoch")) for e in epoch["callbacks"]]


def _callback_problem(got: list[dict], expected: list[dict]) -> str | None:
    for k, (mine, theirs) in enumerate(zip(got, expected, strict=False), start=1):
        calls, wanted = _called(mine), _called(theirs)
        if calls == wanted:
            continue
        names, wanted_names = [c[0] for c in calls], [c[0] for c in wanted]
        if names == wanted_names:
            wrong = next(c for c, w in zip(calls, wanted, strict=True) if c != w)
            return EPOCH_NUMBER.format(k=k, got=wrong[1], expected=wanted[0][1])
        if len(names) < len(wanted_names) and names == wanted_names[: len(names)]:
            return SOME_NOT_CALLED.format(k=k, names=", ".join(wanted_names[len(names) :]))
        return CALLBACKS_DIFFER.format(
            k=k,
            got=", ".join(f"{n}({e})" for n, e in calls) or "hiç",
            expected=", ".join(f"{n}({e})" for n, e in wanted),
        )
    return None


def _count_problem(run: Run, got: list[dict], expected: list[dict], history: dict) -> str | None:
    epochs = next(op["args"][2] for op in run.case.data.ops if op.get("method") == "fit")
    m, n = len(got), len(expected)
    if m > n:
        if n < epochs:
            return IGNORED_STOP.format(n=n, m=m)
        return MORE_EPOCHS.format(m=m, n=n, epochs=epochs)
    if m < n:
        return EARLY_END.format(m=m, n=n)
    for key in KEYS:
        if len(history[key]) != n:
            return HISTORY_LENGTH.format(key=key, got=len(history[key]), expected=n)
    return None


def _value_problem(got: list[dict], history: dict, expected: dict) -> str | None:
    for key in KEYS:
        for k, (value, wanted) in enumerate(zip(history[key], expected[key], strict=True), 1):
            if _close(value, wanted):
                continue
            if key in WHAT:
                phase = "train" if key == "loss" else "val"
                losses = [e.get("value") for e in got[k - 1][phase] if e.get("e") == "kayıp"]
                losses = [v for v in losses if isinstance(v, float)]
                if losses and _close(value, sum(losses) / len(losses)):
                    return BATCH_MEAN.format(k=k, what=WHAT[key])
            return VALUE.format(k=k, key=key, got=value, expected=wanted)
    return None


def _logs_problem(got: list[dict], history: dict) -> str | None:
    for k, epoch in enumerate(got, start=1):
        wanted = {key: history[key][k - 1] for key in KEYS}
        for event in epoch["callbacks"]:
            logs = event.get("logs")
            values = (
                {key: float_value(logs.get(key)) for key in KEYS} if isinstance(logs, dict) else {}
            )
            if any(values.get(key) is None or not _close(values[key], wanted[key]) for key in KEYS):
                return LOGS.format(k=k, got=_shown_logs(logs), expected=_shown_logs(wanted))
    return None


def _shown_logs(logs) -> str:
    if not isinstance(logs, dict):
        return type(logs).__name__
    parts = []
    for key, value in list(logs.items())[:6]:
        number = float_value(value)
        parts.append(f"'{key}': {number:.6g}" if number is not None else f"'{key}': …")
    return "{" + ", ".join(parts) + "}"


def _state_problem(got: list[dict], expected: list[dict]) -> str | None:
    for k, (mine, theirs) in enumerate(zip(got, expected, strict=False), start=1):
        state = next((e["state"] for e in mine["callbacks"] if "state" in e), None)
        wanted = next((e["state"] for e in theirs["callbacks"] if "state" in e), None)
        if state is None or wanted is None:
            continue
        problem = compare_states(
            state, wanted, f"{k}. dönemden sonra parametreler", atol=ATOL, rtol=RTOL
        )
        if problem:
            return problem
    return None


def judge(run: Run) -> str | None:
    for key, linked in run.learner.get("records", {}).items():
        if key.startswith("bağlı:") and linked is not True:
            return NOT_LINKED
    history = run.record("geçmiş")
    problem = _history_problem(history)
    if problem:
        return problem
    got, expected = _epochs(run.events), _epochs(run.expected_events)
    problem = (
        _mode_problem(got, expected)
        or _callback_problem(got, expected)
        or _count_problem(run, got, expected, history)
        or _value_problem(got, history, run.expected("geçmiş"))
        or _logs_problem(got, history)
        or _state_problem(got, expected)
    )
    if problem:
        return problem
    if run.record("eğitim_kipi") is not True:
        return NOT_TRAINING_AFTER
    return compare_states(
        run.record("parametreler"),
        run.expected("parametreler"),
        "eğitimden sonra parametreler",
        atol=ATOL,
        rtol=RTOL,
    )


GRADER = LoopGrader(
    symbols=["Trainer"],
    reference={"Trainer": ReferenceTrainer},
    judge=judge,
    cases=[
        LoopCase("tek dönem", lambda g: _script(g, epochs=1, p=0.3)),
        LoopCase("üç dönem, dropout", lambda g: _script(g, epochs=3, p=0.5)),
        LoopCase("küçük son mini-yığın", lambda g: _script(g, epochs=2, n_train=50, n_val=30)),
        LoopCase(
            "geri çağırmaların sırası",
            lambda g: _script(g, epochs=3, callbacks=(RECORDER, SECOND)),
        ),
        LoopCase(
            "sabit dönemde durdurma", lambda g: _script(g, epochs=6, callbacks=(STOP, RECORDER))
        ),
        LoopCase(
            "erken durdurma (val_loss)",
            lambda g: _script(g, epochs=8, callbacks=(EARLY, RECORDER), lr=0.5),
        ),
        LoopCase(
            "öğrenme oranı çizelgesi (StepLR)",
            lambda g: _script(g, epochs=4, callbacks=(RECORDER, STEP_LR)),
        ),
        LoopCase(
            "ReduceLROnPlateau",
            lambda g: _script(g, epochs=5, callbacks=(PLATEAU, RECORDER), lr=0.5),
        ),
        LoopCase("sıfır dönem", lambda g: _script(g, epochs=0)),
    ],
)
