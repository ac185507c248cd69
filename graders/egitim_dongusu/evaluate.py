"""Değerlendirici: evaluate (bir modeli bir yükleyicide ölçmek, yaptıklarıyla değerlendirilir).

Öğrencinin `evaluate(model, loader, loss_fn)` fonksiyonuna motorun kaydeden nesneleri verilir:
her ileri geçişte kipi ve gradyan kipini günlüğe yazan, içinde Dropout(0.5) bulunan bir model
(Linear(4, 8) → ReLU → Dropout(0.5) → Linear(8, 3)), karışık olmayan bir yükleyici (kimi
durumda son yığını küçük) ve bir çapraz entropi kaybı. Model kimi durumda eğitim, kimi durumda
değerlendirme kipinde gelir. Aynı betik referans fonksiyonla değerlendirme işinde de çalışır;
dönen (kayıp, doğruluk) referansınkiyle, çağrıdan sonraki kip başlangıçtakiyle, parametreler
referansınkilerle karşılaştırılır. Günlük yalnızca hatayı adlandırır.

Pack authors: the checks are the cases below; each names one bug. The diagnosis of a wrong mean
(mean of batch means, mean of batch accuracies) is computed in the judge from `Script.secret`
(the data, the batch size and the model's seed): the "küçük son yığın" data is redrawn until
both wrong means differ clearly from the right ones.
"""

from __future__ import annotations

import math

import torch

from tutor.grading.driver.script import build_layers
from tutor.grading.loops import (
    LoopCase,
    LoopGrader,
    Run,
    Script,
    compare_states,
    ref,
)

LAYERS = [["Linear", 4, 8], ["ReLU"], ["Dropout", 0.5], ["Linear", 8, 3]]


def reference_evaluate(model, loader, loss_fn):
    was_training = model.training
    model.eval()
    total, correct, count = 0.0, 0, 0
    try:
        with torch.no_grad():
            for x, y in loader:
                logits = model(x)
                total += loss_fn(logits, y).item() * len(y)
                correct += int((logits.argmax(dim=1) == y).sum())
                count += len(y)
    finally:
        model.train(was_training)
    return total / count, correct / count


def _batch_means(net, X, y, batch: int) -> tuple[float, float, float, float]:
    """(right loss, right accuracy, mean of batch losses, mean of batch accuracies)."""
    loss_fn = torch.nn.CrossEntropyLoss()
    net.eval()
    losses, accs, sizes = [], [], []
    with torch.no_grad():
        for start in range(0, len(X), batch):
            logits = net(X[start : start + batch])
            target = y[start : start + batch]
            losses.append(float(loss_fn(logits, target)))
            accs.append(float((logits.argmax(dim=1) == target).float().mean()))
            sizes.append(len(target))
    n = sum(sizes)
    right_loss = sum(v * s for v, s in zip(losses, sizes)) / n
    right_acc = sum(a * s for a, s in zip(accs, sizes)) / n
    return right_loss, right_acc, sum(losses) / len(losses), sum(accs) / len(accs)


def _net(seed: int):
    with torch.random.fork_rng():
        torch.manual_seed(seed)
        return build_layers(LAYERS)


def _script(g, *, n: int, batch: int, train: bool = True, distinct: bool = False) -> Script:
    seed = g.integer(0, 2**31 - 1)
    X, y = g.randn(n, 4), g.randint(0, 3, n)
    if distinct:  # the wrong means must differ clearly from the right ones
        net = _net(seed)
        for _ in range(200):
            loss, acc, loss_b, acc_b = _batch_means(net, X, y, batch)
            if abs(loss_b - loss) > 2e-3 * loss and abs(acc_b - acc) > 0.02:
                break
            X, y = g.randn(n, 4), g.randint(0, 3, n)
    ops = [
        {
            "op": "new",
            "as": "model",
            "spec": {"type": "model", "layers": LAYERS, "seed": seed, "train": train},
        },
        {"op": "new", "as": "loss_fn", "spec": {"type": "loss", "name": "CrossEntropyLoss"}},
        {
            "op": "new",
            "as": "loader",
            "spec": {"type": "loader", "dataset": [X, y], "batch_size": batch},
        },
        {"op": "seed", "value": seed + 1},  # dropout left on is then the same in every run
        {
            "op": "call",
            "fn": "evaluate",
            "args": [ref("model"), ref("loader"), ref("loss_fn")],
            "record": "dönüş",
            "event": 1,
        },
        {"op": "training", "target": ref("model"), "record": "kip"},
        {"op": "state", "target": ref("model"), "record": "parametreler"},
    ]
    return Script(ops, secret={"X": X, "y": y, "batch": batch, "seed": seed, "train": train})


# ---------------------------------------------------------------------------------------------
# Judging
# ---------------------------------------------------------------------------------------------

NOT_A_PAIR = "evaluate iki değerli bir demet (ortalama kayıp, doğruluk) döndürmeli, {got} geldi."
TENSOR = "{what} tensör olarak döndürülmüş; .item() ile Python float'u döndürün."
INT_ACCURACY = (
    "doğruluk int olarak döndürülmüş ({value}); float döndürün (doğru sayısı / örnek sayısı)."
)
NOT_FLOAT = "{what} Python float'u olmalı, {got} geldi."
TRAINING_FORWARD = (
    "ileri geçiş eğitim kipinde yapılmış: dropout açık kaldı (model.eval() çağrılmamış); "
    "sonuçlar her çağrıda değişir."
)
GRAD_FORWARD = (
    "ileri geçiş gradyan kipi açıkken yapılmış: her yığında hesaplama çizgesi kuruldu "
    "(torch.no_grad() ya da torch.inference_mode() kullanılmamış)."
)
NO_FORWARD = (
    "modelin ileri geçişi hiç kaydedilmedi: her yığın için verilen modeli model(x) diye çağırın."
)
LEFT_IN_EVAL = (
    "model değerlendirme kipinde bırakılmış: başlangıçtaki kip (eğitim) geri yüklenmemiş; eğitim "
    "döngüsü sonraki dönemleri dropout'suz sürdürür. was_training = model.training ile kipi "
    "okuyup sonda model.train(was_training) çağırın."
)
PUT_IN_TRAINING = (
    "model eğitim kipine sokulmuş: başlangıçta değerlendirme kipindeydi; sonda model.train() "
    "yerine model.train(was_training) kullanın."
)
MEAN_OF_BATCH_MEANS = (
    "ortalama kayıp {got:.6g}, beklenen {expected:.6g}: yığın ortalamalarının ortalaması "
    "alınmış; son yığın daha küçük ({b} örnek) ve ağırlığı fazla sayılmış. Her yığının kaybını "
    "boyuyla çarpıp toplayın ve örnek sayısına bölün."
)
ACCURACY_OF_BATCHES = (
    "doğruluk {got:.6g}, beklenen {expected:.6g}: yığın doğruluklarının ortalaması alınmış; "
    "doğru tahminleri sayıp örnek sayısına bölün."
)
WRONG_LOSS = "ortalama kayıp {got:.6g}, beklenen {expected:.6g}."
WRONG_ACCURACY = "doğruluk {got:.6g}, beklenen {expected:.6g}."
PARAMETERS_CHANGED = (
    "değerlendirme parametreleri değiştirmiş ({problem}): evaluate yalnızca ölçer, eğitmez."
)


def _forwards(run: Run) -> list[dict]:
    return [e for e in run.events if e.get("e") == "ileri"]


def _pair(value) -> tuple | None:
    return tuple(value) if isinstance(value, (tuple, list)) and len(value) == 2 else None


def _type_problem(run: Run) -> str | None:
    got = run.record("dönüş")
    if isinstance(got, dict) and "raised" in got:
        return None  # cannot happen: the call does not catch
    pair = _pair(got)
    if pair is None:
        shown = got.get("type", "tensör") if isinstance(got, dict) else type(got).__name__
        return NOT_A_PAIR.format(got=shown)
    for value, what in zip(pair, ("kayıp", "doğruluk")):
        if isinstance(value, dict) and "tensor" in value:
            return TENSOR.format(what=what)
        if what == "doğruluk" and isinstance(value, int) and not isinstance(value, bool):
            return INT_ACCURACY.format(value=value)
        if not isinstance(value, float):
            shown = value.get("type", "?") if isinstance(value, dict) else type(value).__name__
            return NOT_FLOAT.format(what=what.capitalize(), got=shown)
    return None


def _value_problem(run: Run) -> str | None:
    problem = _type_problem(run)
    if problem:
        return problem
    loss, acc = _pair(run.record("dönüş"))
    expected_loss, expected_acc = (float(v) for v in run.expected("dönüş"))
    loss_ok = math.isclose(loss, expected_loss, rel_tol=1e-6, abs_tol=1e-7)
    acc_ok = abs(acc - expected_acc) <= 1e-9
    if loss_ok and acc_ok:
        return None
    if any(e.get("training") for e in _forwards(run)):
        return TRAINING_FORWARD
    secret = run.secret
    _, _, loss_b, acc_b = _batch_means(
        _net(secret["seed"]), secret["X"], secret["y"], secret["batch"]
    )
    last = len(secret["X"]) % secret["batch"]
    if not loss_ok:
        if math.isclose(loss, loss_b, rel_tol=1e-5, abs_tol=1e-7):
            return MEAN_OF_BATCH_MEANS.format(got=loss, expected=expected_loss, b=last)
        return WRONG_LOSS.format(got=loss, expected=expected_loss)
    if abs(acc - acc_b) <= 1e-6:
        return ACCURACY_OF_BATCHES.format(got=acc, expected=expected_acc)
    return WRONG_ACCURACY.format(got=acc, expected=expected_acc)


def judge(run: Run) -> str | None:
    name = run.name
    if name in ("eşit yığınlar", "küçük son yığın"):
        return _value_problem(run)
    if name == "değerlendirme kipi (dropout)":
        forwards = _forwards(run)
        if not forwards:
            return NO_FORWARD
        if any(e.get("training") for e in forwards):
            return TRAINING_FORWARD
        return None
    if name == "çizgesiz değerlendirme":
        forwards = _forwards(run)
        if not forwards:
            return NO_FORWARD
        if any(e.get("grad") for e in forwards):
            return GRAD_FORWARD
        return None
    if name in ("eğitim kipindeki model geri yüklenir", "değerlendirme kipindeki model öyle kalır"):
        was_training = bool(run.secret["train"])
        now = run.record("kip")
        if now is was_training:
            return None
        return LEFT_IN_EVAL if was_training else PUT_IN_TRAINING
    if name == "dönüş türleri":
        return _type_problem(run)
    if name == "parametreler değişmez":
        problem = compare_states(
            run.record("parametreler"), run.expected("parametreler"), "parametreler"
        )
        return PARAMETERS_CHANGED.format(problem=problem) if problem else None
    raise ValueError(f"unknown case {name!r}")


GRADER = LoopGrader(
    symbols=["evaluate"],
    reference={"evaluate": reference_evaluate},
    judge=judge,
    cases=[
        LoopCase("eşit yığınlar", lambda g: _script(g, n=24, batch=8)),
        LoopCase("küçük son yığın", lambda g: _script(g, n=21, batch=8, distinct=True)),
        LoopCase("değerlendirme kipi (dropout)", lambda g: _script(g, n=21, batch=8)),
        LoopCase("çizgesiz değerlendirme", lambda g: _script(g, n=21, batch=8)),
        LoopCase("eğitim kipindeki model geri yüklenir", lambda g: _script(g, n=21, batch=8)),
        LoopCase(
            "değerlendirme kipindeki model öyle kalır",
            lambda g: _script(g, n=21, batch=8, train=False),
        ),
        LoopCase("dönüş türleri", lambda g: _script(g, n=21, batch=8)),
        LoopCase("parametreler değişmez", lambda g: _script(g, n=21, batch=8)),
    ],
)
