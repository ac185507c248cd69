"""Değerlendirici: amp_train_step (karışık hassasiyetle bir eğitim adımı, yaptıklarıyla).

Öğrencinin `amp_train_step(model, x, y, loss_fn, optimizer)` fonksiyonuna motorun kaydeden
nesneleri verilir: Linear(8, 32) → ReLU → Dropout(p) → Linear(32, 3) bir model, bir çapraz
entropi kaybı ve bir SGD (momentum 0.9). Her çağrıda şunlar kaydedilir: ileri geçişte modelin
kipi, autocast'in açık olup olmadığı ve veri tipi, parametrelerin veri tipi; kayıpta autocast;
geri yayılım çıktıya ulaştığında ve adım atılırken autocast'in kapalı olup olmadığı; kayba
ulaşan gradyan (kullanılan ölçek). Aynı betik referans adımla değerlendirme işinde de çalışır;
her çağrıdan sonra dönen kayıp ve parametreler karşılaştırılır.

CPU'da bfloat16 yolu değerlendirilir. CUDA'da (`--device cuda`) float16 ve GradScaler yolu,
ayrıca iki durumla: kaybın 40 katı alınarak ölçeğin taştığı altı ardışık çağrı (atlanan adımlar,
küçülen ölçek) ve float16 ileri geçiş. Bu iki durum yalnızca CUDA görülen makinede listelenir.

For pack authors: `RECIPES` maps the device type to the autocast dtype and whether a
GradScaler scales the loss; the reference and the judge both read it (a test sets the CPU entry
to the CUDA recipe to run the scaler checks without a GPU: tests/test_amp_scaler_on_cpu.py).
Tolerances: returned loss and parameters atol=1e-3, rtol=1e-2 (low precision; thread counts
may change the order of bfloat16 sums). The recorded autocast states decide the autocast bugs,
which numbers alone cannot (on the CPU, a backward or a step under autocast gives the same
parameters).
"""

from __future__ import annotations

import weakref

import torch

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

# device type → (autocast dtype, whether a GradScaler scales the loss)
RECIPES: dict[str, tuple[str, bool]] = {"cpu": ("bfloat16", False), "cuda": ("float16", True)}
ATOL, RTOL = 1e-3, 1e-2
LOSS_SCALE_OVERFLOW = 40.0  # the scaler case: 40 × cross entropy overflows float16 at 65536

_SCALERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def recipe(device_type: str) -> tuple[str, bool]:
    return RECIPES.get(device_type, RECIPES["cpu"])


def reference_amp_train_step(model, x, y, loss_fn, optimizer) -> float:
    device_type = x.device.type
    dtype, scaled = recipe(device_type)
    model.train()
    optimizer.zero_grad()
    with torch.autocast(device_type, dtype=getattr(torch, dtype)):
        loss = loss_fn(model(x), y)
    if scaled:
        scaler = _SCALERS.get(optimizer)
        if scaler is None:
            scaler = _SCALERS[optimizer] = torch.amp.GradScaler(device_type)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    else:
        loss.backward()
        optimizer.step()
    return loss.item()


def _script(
    g,
    *,
    calls: int,
    p: float = 0.0,
    train: bool = True,
    loss_scale: float = 1.0,
    lr: float = 0.1,
    catch: bool = False,
) -> Script:
    seed = g.integer(0, 2**31 - 1)
    ops = [
        {
            "op": "new",
            "as": "model",
            "spec": {
                "type": "model",
                "layers": [["Linear", 8, 32], ["ReLU"], ["Dropout", p], ["Linear", 32, 3]],
                "seed": seed,
                "train": train,
            },
        },
        {
            "op": "new",
            "as": "loss_fn",
            "spec": {"type": "loss", "name": "CrossEntropyLoss", "scale": loss_scale},
        },
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
    ]
    for n in range(1, calls + 1):
        x, y = g.randn(16, 8), g.randint(0, 3, 16)
        ops += [
            {"op": "seed", "value": seed + 100 * n},  # the same dropout mask in both runs
            {
                "op": "call",
                "fn": "amp_train_step",
                "args": [ref("model"), x, y, ref("loss_fn"), ref("optimizer")],
                "record": f"dönüş{n}",
                "event": n,
                "catch": catch,
            },
            {"op": "state", "target": ref("model"), "record": f"parametreler{n}"},
        ]
    return Script(ops)


# --- messages (Turkish; `{i}` is the call, 1-based) -------------------------------------------

ZERO_GRAD_MISSING = (
    "{i}. çağrıda zero_grad çağrılmamış: gradyanlar çağrıdan çağrıya birikmiş. "
    "optimizer.zero_grad() geri yayılımdan önce, adımın başında çağrılmalı."
)
ZERO_GRAD_LATE = (
    "{i}. çağrıda zero_grad geri yayılımdan sonra çağrılmış: bu çağrının gradyanları eskilerin "
    "üstüne eklendi. optimizer.zero_grad() adımın başında çağrılmalı."
)
ORDER = "{i}. çağrıda sıra: {got}; beklenen: {expected}."
PARAMS_DTYPE = (
    "{i}. çağrıda parametreler float32 kalmalı; {dtype} geldi: modeli bfloat16'ya (ya da "
    "float16'ya) çevirmeyin, autocast yalnızca işlemleri düşük hassasiyette yapar."
)
NO_TRAIN = (
    "{i}. çağrıda model eğitim kipine alınmamış: model.train() çağrılmamış (model "
    "değerlendirme kipinde verildi, dropout kapalı kaldı)."
)
NO_AUTOCAST = (
    "{i}. çağrıda ileri geçiş autocast içinde çalışmadı: model(x) torch.autocast bloğunun "
    "içinde olmalı."
)
WRONG_DTYPE = "{i}. çağrıda {where} autocast {expected} ile çalışmalı; {got} kullanıldı."
WHERE = {"cpu": "CPU'da", "cuda": "CUDA'da"}
LOSS_OUTSIDE = (
    "{i}. çağrıda kayıp autocast dışında hesaplandı: dışarıda kayıp, düşük hassasiyetli "
    "çıktıyla düşük hassasiyette hesaplanır (autocast içinde float32'de hesaplanırdı); "
    "loss_fn çağrısı da with bloğunun içinde olmalı."
)
TOO_WIDE = (
    "{i}. çağrıda autocast bloğu fazla geniş: {what} autocast içinde çalıştı; autocast yalnızca "
    "ileri geçişi ve kaybı sarmalı."
)
BACKWARD = "geri yayılım (loss.backward())"
STEP = "optimizer.step()"
NOT_SCALED = (
    "{i}. çağrıda kayıp ölçeklenmemiş: scaler.scale(loss).backward() kullanılmamış. float16 "
    "gradyanlar ölçeklenmezse küçük değerler sıfıra yuvarlanır."
)
NOT_CARRIED = (
    "ölçek adımdan adıma taşınmıyor: {i}. çağrıda ölçek {got:g}, beklenen {expected:g}; "
    "taşmadan sonra küçülmedi. GradScaler'ı her çağrıda yeniden oluşturmayın, eniyileyici "
    "başına bir kez oluşturup saklayın."
)
SCALE_DIFFERS = (
    "{i}. çağrıda ölçek {got:g}, beklenen {expected:g}: varsayılan ayarlı tek bir "
    "GradScaler kullanın ve her adımdan sonra scaler.update() çağırın."
)
UPDATE_MISSING = (
    "{i}. çağrıda GradScaler hata verdi: scaler.update() çağrılmamış; her adımın sonunda "
    "scaler.update() çağrılmalı."
)
STEP_TAKEN = (
    "{i}. çağrıda adım atıldı, beklenen: atlanması (gradyanlarda taşma vardı); "
    "optimizer.step() yerine scaler.step(optimizer) kullanın."
)
STEP_SKIPPED = "{i}. çağrıda adım atlandı, beklenen: atılması (gradyanlar sonluydu)."
CALL_RAISED = "{i}. çağrıda hata: {kind}: {message}"
RETURN_TYPE = "{i}. çağrıda dönen değer Python float'u olmalı; {kind} geldi: loss.item() döndürün."
RETURN_VALUE = "{i}. çağrıda dönen kayıp {got:.6g}, beklenen {expected:.6g}."
RETURN_SCALED = " Ölçeklenmiş kaybı döndürmeyin: ölçeklenmemiş loss.item() döndürülmeli."


def _close(got: float, expected: float) -> bool:
    return abs(got - expected) <= ATOL + RTOL * abs(expected)


def _first(events: list[dict], name: str) -> dict:
    return next((e for e in events if e.get("e") == name), {})


def _scale(events: list[dict]) -> float | None:
    return float_value(_first(events, "kayıp_gradyanı").get("value"))


def _order_problem(i: int, names: list[str], expected: list[str], scaled: bool) -> str | None:
    before = names[: names.index("geri")] if "geri" in names else names
    if "zero_grad" not in before:
        if "zero_grad" in names:
            return ZERO_GRAD_LATE.format(i=i)
        return ZERO_GRAD_MISSING.format(i=i)
    core = [n for n in names if n != "zero_grad"]
    expected_core = [n for n in expected if n != "zero_grad"]
    shown = ORDER.format(i=i, got=shown_order(names), expected=shown_order(expected))
    if scaled:
        # A step GradScaler skipped is no event; whether it was skipped is checked later.
        if [n for n in core if n != "adım"] != [n for n in expected_core if n != "adım"]:
            return shown
        if core.count("adım") > 1 or ("adım" in core and core[-1] != "adım"):
            return shown
        return None
    return shown if core != expected_core else None


def _kind(got) -> str:
    if isinstance(got, dict) and "tensor" in got:
        return "torch.Tensor"
    if isinstance(got, dict) and "numpy" in got:
        return f"numpy.{got['numpy']}"
    if isinstance(got, dict) and "type" in got:
        return str(got["type"])
    return type(got).__name__


def _call_problem(run: Run, i: int, events: list[dict], expected: list[dict]) -> str | None:
    device_type = run.device.type
    dtype, scaled = recipe(device_type)
    got = run.record(f"dönüş{i}")
    if isinstance(got, dict) and "raised" in got:
        message = str(got.get("message", ""))
        if "since the last update()" in message:
            return UPDATE_MISSING.format(i=i)
        return CALL_RAISED.format(i=i, kind=got["raised"], message=message)
    names, expected_names = order(events), order(expected)
    problem = _order_problem(i, names, expected_names, scaled)
    if problem:
        return problem
    forward, loss = _first(events, "ileri"), _first(events, "kayıp")
    other = [d for d in forward.get("param_dtypes", []) if d != "float32"]
    if other:
        return PARAMS_DTYPE.format(i=i, dtype=", ".join(other))
    if not forward.get("training"):
        return NO_TRAIN.format(i=i)
    if not forward.get("autocast"):
        return NO_AUTOCAST.format(i=i)
    if forward.get("autocast_dtype") != dtype:
        return WRONG_DTYPE.format(
            i=i, where=WHERE.get(device_type, device_type), expected=dtype,
            got=forward.get("autocast_dtype") or "?",
        )  # fmt: skip
    if not loss.get("autocast"):
        return LOSS_OUTSIDE.format(i=i)
    inside = []
    if _first(events, "geri").get("autocast"):
        inside.append(BACKWARD)
    if _first(events, "adım").get("autocast"):
        inside.append(STEP)
    if inside:
        return TOO_WIDE.format(i=i, what=" ve ".join(inside))
    if scaled:
        problem = _scaler_problem(run, i, events, expected)
        if problem:
            return problem
    if not isinstance(got, float):
        return RETURN_TYPE.format(i=i, kind=_kind(got))
    reference = float_value(run.expected(f"dönüş{i}"))
    if reference is not None and not _close(got, reference):
        message = RETURN_VALUE.format(i=i, got=got, expected=reference)
        scale = _scale(events)
        if scaled and scale and _close(got, reference * scale):
            message += RETURN_SCALED
        return message
    return compare_states(
        run.record(f"parametreler{i}"),
        run.expected(f"parametreler{i}"),
        f"{i}. çağrıdan sonra parametreler",
        atol=ATOL,
        rtol=RTOL,
    )


def _scaler_problem(run: Run, i: int, events: list[dict], expected: list[dict]) -> str | None:
    scale, expected_scale = _scale(events), _scale(expected)
    if scale == 1.0:
        return NOT_SCALED.format(i=i)
    if scale is not None and expected_scale is not None and scale != expected_scale:
        previous = _scale(calls(run.events)[i - 2]) if i > 1 else None
        if previous == scale and expected_scale < scale:
            return NOT_CARRIED.format(i=i, got=scale, expected=expected_scale)
        return SCALE_DIFFERS.format(i=i, got=scale, expected=expected_scale)
    stepped, expected_step = "adım" in order(events), "adım" in order(expected)
    if stepped and not expected_step:
        return STEP_TAKEN.format(i=i)
    if expected_step and not stepped:
        return STEP_SKIPPED.format(i=i)
    return None


def judge(run: Run) -> str | None:
    learner, expected = calls(run.events), calls(run.expected_events)
    count = sum(1 for op in run.case.data.ops if op.get("op") == "call")
    for i in range(1, count + 1):
        events = learner[i - 1] if i <= len(learner) else []
        reference = expected[i - 1] if i <= len(expected) else []
        problem = _call_problem(run, i, events, reference)
        if problem:
            return problem
    return None


CASES = [
    LoopCase("tek adım", lambda g: _script(g, calls=1)),
    LoopCase("üç adım art arda", lambda g: _script(g, calls=3)),
    LoopCase(
        "değerlendirme kipinde verilen model",
        lambda g: _script(g, calls=2, p=0.5, train=False),
    ),
]
# Listed only where the grading job sees CUDA: the scaler's overflow, skipped steps and
# shrinking scale, and the float16 forward pass. (With `--device cpu` on such a machine they run
# the CPU recipe, which the judge then expects.)
CUDA_CASES = [
    LoopCase(
        "ölçekleyici: taşma ve küçülen ölçek",
        lambda g: _script(g, calls=6, loss_scale=LOSS_SCALE_OVERFLOW, lr=0.01, catch=True),
    ),
    LoopCase("float16 ileri geçiş", lambda g: _script(g, calls=1)),
]

GRADER = LoopGrader(
    symbols=["amp_train_step"],
    reference={"amp_train_step": reference_amp_train_step},
    judge=judge,
    cases=CASES + (CUDA_CASES if torch.cuda.is_available() else []),
)
