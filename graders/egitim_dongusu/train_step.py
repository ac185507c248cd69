"""Değerlendirici: train_step (bir eğitim adımı, yaptıklarıyla değerlendirilir).

Öğrencinin `train_step(model, x, y, loss_fn, optimizer)` fonksiyonuna motorun kaydeden nesneleri
verilir: ileri geçişi, kipi, zero_grad'ı, geri yayılımı ve adımı günlüğe yazan bir model
(Linear(4, 8) → ReLU → Dropout(0.3) → Linear(8, 3)), bir çapraz entropi kaybı ve adım anındaki
gradyanları saklayan bir SGD (ya da Adam). Aynı betik referans adımla değerlendirme işinde de
çalışır; her çağrıdan sonra parametreler karşılaştırılır. Günlük yalnızca hatayı adlandırır:
geçmek için parametrelerin referansınkilerle aynı olması gerekir.
"""

from __future__ import annotations

from tutor.grading.loops import (
    LoopCase,
    LoopGrader,
    Run,
    Script,
    calls,
    compare_states,
    float_value,
    order,
    ref,
    shown_order,
)

LAYERS = [["Linear", 4, 8], ["ReLU"], ["Dropout", 0.3], ["Linear", 8, 3]]
EXPECTED = "zero_grad → ileri → kayıp → geri → adım"


def reference_train_step(model, x, y, loss_fn, optimizer):
    model.train()
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()


def _script(g, *, steps: int, optimizer: str = "SGD", train: bool = True, leftover: bool = False):
    seed = g.integer(0, 2**31 - 1)
    kwargs = {"lr": 0.1} if optimizer == "SGD" else {"lr": 0.05}
    ops = [
        {
            "op": "new",
            "as": "model",
            "spec": {
                "type": "model",
                "layers": LAYERS,
                "seed": seed,
                "train": train,
                "grads_seed": seed + 1 if leftover else None,
            },
        },
        {"op": "new", "as": "loss_fn", "spec": {"type": "loss", "name": "CrossEntropyLoss"}},
        {
            "op": "new",
            "as": "optimizer",
            "spec": {
                "type": "optimizer",
                "name": optimizer,
                "params": ref("model"),
                "kwargs": kwargs,
                "grads": True,
            },
        },
    ]
    for n in range(1, steps + 1):
        x, y = g.randn(6, 4), g.randint(0, 3, 6)
        ops += [
            {"op": "seed", "value": seed + 100 * n},  # the same dropout mask in both runs
            {
                "op": "call",
                "fn": "train_step",
                "args": [ref("model"), x, y, ref("loss_fn"), ref("optimizer")],
                "record": f"dönüş{n}",
                "event": n,
            },
            {"op": "state", "target": ref("model"), "record": f"parametreler{n}"},
        ]
    return Script(ops)


def _order_problem(n: int, names: list[str]) -> str | None:
    """One call's events against zero_grad (anywhere before geri) → ileri → kayıp → geri → adım."""
    shown = f" Sıranız: {shown_order(names)}; beklenen: {EXPECTED}."
    counts = {k: names.count(k) for k in ("ileri", "kayıp", "geri", "adım")}
    for name, count in counts.items():
        if count != 1:
            what = {
                "ileri": "ileri geçiş",
                "kayıp": "kayıp",
                "geri": "geri yayılım",
                "adım": "adım",
            }
            return (
                f"{n}. çağrıda {count} {what[name]} yapılmış; her biri bir kez olmalı "
                "(kaybı verilen loss_fn ile hesaplayın)." + shown
            )
    geri, adim = names.index("geri"), names.index("adım")
    if adim < geri:
        return (
            f"{n}. çağrıda step, backward'dan önce çağrılmış: adım bu yığının gradyanlarıyla "
            "atılmadı." + shown
        )
    if names.index("kayıp") < names.index("ileri") or geri < names.index("kayıp"):
        return f"{n}. çağrıda işlemlerin sırası yanlış." + shown
    zero = [i for i, name in enumerate(names) if name == "zero_grad"]
    if not zero:
        return (
            f"{n}. çağrıda zero_grad çağrılmamış: gradyanlar önceki adımlarınkilerle birikir."
            + shown
        )
    if any(geri < i < adim for i in zero):
        return (
            f"{n}. çağrıda zero_grad, backward ile step arasında çağrılmış: gradyanlar adımdan "
            "hemen önce silindi ve parametreler güncellenmedi." + shown
        )
    if all(i > adim for i in zero):
        return (
            f"{n}. çağrıda zero_grad adımdan sonra çağrılmış: model önceki bir hesaptan kalmış "
            "gradyanlarla gelirse ilk adım onlarla atılır; zero_grad backward'dan önce gelmeli."
            + shown
        )
    return None


def judge(run: Run) -> str | None:
    groups = calls(run.events)
    steps = sum(1 for op in run.case.data.ops if op.get("op") == "call")
    if run.name == "çağrı sırası":
        for n, events in enumerate(groups, start=1):
            problem = _order_problem(n, order(events))
            if problem:
                return problem
        return None
    if run.name == "değerlendirme kipindeki model":
        for events in groups:
            if any(e.get("e") == "ileri" and not e.get("training") for e in events):
                return (
                    "ileri geçiş değerlendirme kipinde yapılmış: model eğitim kipine alınmamış "
                    "(model.train() çağrılmamış); dropout kapalı kaldı."
                )
    if run.name == "dönüş değeri: Python float'u":
        return _return_problem(run)
    for n in range(1, steps + 1):
        problem = compare_states(
            run.record(f"parametreler{n}"),
            run.expected(f"parametreler{n}"),
            f"{n}. çağrıdan sonra parametreler",
        )
        if problem is None:
            continue
        names = order(groups[n - 1]) if n - 1 < len(groups) else []
        if "zero_grad" not in names:
            if run.name == "önceden kalmış gradyanlar":
                return (
                    f"{n}. çağrıda önceden kalmış gradyanlar adıma karışmış: zero_grad "
                    "backward'dan önce çağrılmalı (adımın başında)."
                )
            return (
                f"{n}. çağrıda gradyanlar birikmiş: zero_grad çağrılmamış. {n}. adımda "
                "kullanılan gradyan, bu yığının gradyanı ile öncekilerin toplamı."
            )
        if "geri" in names and "adım" in names:
            zero = [i for i, e in enumerate(names) if e == "zero_grad"]
            if all(i > names.index("adım") for i in zero):
                return (
                    f"{n}. çağrıda önceden kalmış gradyanlar adıma karışmış: zero_grad "
                    "backward'dan önce çağrılmalı (adımın başında)."
                )
        order_problem = _order_problem(n, names)
        return order_problem or problem
    return None


def _return_problem(run: Run) -> str | None:
    got = run.record("dönüş1")
    expected = float_value(run.expected("dönüş1"))
    if isinstance(got, dict) and "tensor" in got:
        if got.get("grad_fn"):
            return (
                "kayıp tensör olarak döndürülmüş (hesaplama çizgesine bağlı, grad_fn: "
                f"{got['grad_fn']}); çağıran onu saklarsa çizge bellekte kalır. loss.item() ile "
                "Python float'u döndürün."
            )
        return "kayıp tensör olarak döndürülmüş; loss.item() ile Python float'u döndürün."
    value = float_value(got)
    if value is None or isinstance(got, int):
        shown = got.get("type") if isinstance(got, dict) else type(got).__name__
        return f"Python float'u bekleniyordu, {shown} geldi."
    if expected is not None and abs(value - expected) > 1e-6 * max(1.0, abs(expected)):
        return (
            f"dönen kayıp {value:.6g}, bu yığının kaybı {expected:.6g}: kaybı adımdan önceki "
            "ileri geçişten döndürün."
        )
    return None


GRADER = LoopGrader(
    symbols=["train_step"],
    reference={"train_step": reference_train_step},
    judge=judge,
    cases=[
        LoopCase("tek adım (SGD)", lambda g: _script(g, steps=1)),
        LoopCase("çağrı sırası", lambda g: _script(g, steps=2)),
        LoopCase("üç ardışık adım (SGD)", lambda g: _script(g, steps=3)),
        LoopCase("önceden kalmış gradyanlar", lambda g: _script(g, steps=1, leftover=True)),
        LoopCase("değerlendirme kipindeki model", lambda g: _script(g, steps=1, train=False)),
        LoopCase("Adam ile üç adım", lambda g: _script(g, steps=3, optimizer="Adam")),
        LoopCase("dönüş değeri: Python float'u", lambda g: _script(g, steps=1)),
    ],
)
