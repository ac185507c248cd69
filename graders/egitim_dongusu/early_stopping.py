"""Değerlendirici: early_stopping (`EarlyStopping`, doğrulama kaybı iyileşmeyince durmak).

Betik öğrencinin sınıfını verilen `patience` ve `min_delta` ile kurar, kurulur kurulmaz
`best_loss`'u kaydeder, sonra bir kayıp dizisinin her değeriyle `step(val_loss)`'u çağırıp dönüş
değerini ve `best_loss`'u kaydeder. Aynı betik değerlendirme işinde referans sınıfla çalışır;
iki iz adım adım karşılaştırılır. Ayrılan bir iz, bilinen yanlış kuralların (<=, min_delta'sız
karşılaştırma, sıfırlanmayan sayaç, sayaç > patience, her düşüşte güncellenen best_loss) aynı
dizideki izleriyle karşılaştırılır; uyan kural hatayı adlandırır.

For pack authors: the fixed sequences avoid ties at `best_loss - min_delta` when min_delta > 0
(a correct `best_loss - val_loss > min_delta` would round differently there); the random cases
use min_delta 0.0125 / 0.0525 with values rounded to 3 decimals for the same reason.
"""

from __future__ import annotations

import math
from typing import Any

from tutor.grading.loops import LoopCase, LoopGrader, Run, Script, ref, tensor_of


class EarlyStoppingReference:
    def __init__(self, patience: int = 3, min_delta: float = 0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best_loss = float("inf")
        self.bad_steps = 0

    def step(self, val_loss: float) -> bool:
        if val_loss < self.best_loss - self.min_delta:
            self.best_loss = val_loss
            self.bad_steps = 0
        else:
            self.bad_steps += 1
        return self.bad_steps >= self.patience


def _script(values: list[float], **kwargs: Any) -> Script:
    ops: list[dict] = [
        {"op": "call", "fn": "EarlyStopping", "kwargs": kwargs, "as": "es"},
        {"op": "attr", "target": ref("es"), "name": "best_loss", "record": "best0"},
    ]
    for k, value in enumerate(values, start=1):
        ops += [
            {
                "op": "call",
                "fn": ref("es"),
                "method": "step",
                "args": [value],
                "record": f"dönüş{k}",
            },
            {"op": "attr", "target": ref("es"), "name": "best_loss", "record": f"best{k}"},
        ]
    return Script(ops, secret={"values": list(values), "kwargs": dict(kwargs)})


def _random_walk(g) -> Script:
    value = round(g.py.uniform(0.5, 2.0), 3)
    values = []
    for _ in range(15):
        values.append(value)
        draw = g.py.random()
        if draw < 0.2:
            continue  # the same loss again: an equal value is not an improvement
        if draw < 0.65:
            value = round(value - g.py.uniform(0.0, 0.06), 3)
        else:
            value = round(value + g.py.uniform(0.0, 0.04), 3)
    return _script(values, patience=g.integer(1, 4), min_delta=g.choice([0.0, 0.0125, 0.0525]))


# ---------------------------------------------------------------------------------------------
# Replaying a sequence through the rule and through the usual mistakes (trusted side)
# ---------------------------------------------------------------------------------------------


def simulate(
    values: list[float],
    patience: int = 3,
    min_delta: float = 0.0,
    *,
    or_equal: bool = False,
    use_delta: bool = True,
    reset: bool = True,
    late: bool = False,
    early: bool = False,
    best_any: bool = False,
) -> list[tuple[bool, int, float, bool]]:
    """(improved, counter, best_loss, returned) after each step."""
    best, counter, trace = math.inf, 0, []
    for value in values:
        threshold = best - min_delta if use_delta else best
        improved = value <= threshold if or_equal else value < threshold
        if improved:
            best = value
            counter = 0 if reset else counter
        else:
            counter += 1
        if best_any:
            best = min(best, value)
        limit = patience - 1 if early else patience
        trace.append((improved, counter, best, counter > limit if late else counter >= limit))
    return trace


def _first(trace: list, other: list, field: int) -> int:
    """The first step (0-based) where two traces differ in one field."""
    return next((i for i, (a, b) in enumerate(zip(trace, other)) if a[field] != b[field]), 0)


def _best_before(trace: list, i: int) -> float:
    return trace[i - 1][2] if i > 0 else math.inf


def _or_equal(values, kwargs, expected, variant) -> str:
    i = _first(expected, variant, 0)
    if kwargs.get("min_delta", 0.0):
        return (
            f"{i + 1}. adımda kayıp ({values[i]}) tam best_loss - min_delta'ya eşit; eşit kayıp "
            "iyileşme sayılmaz (val_loss < best_loss - min_delta, <= değil)."
        )
    return (
        f"{i + 1}. adımda kayıp ({values[i]}) en iyi değere eşit; eşit kayıp iyileşme sayılmaz "
        "(val_loss < best_loss - min_delta, <= değil)."
    )


def _no_delta(values, kwargs, expected, variant) -> str:
    i = _first(expected, variant, 0)
    return (
        f"min_delta yok sayılmış: {i + 1}. adımda kayıp {values[i]}, en iyi değerden "
        f"({_best_before(expected, i)}) min_delta'dan ({kwargs.get('min_delta', 0.0)}) az düştü; "
        "bu bir iyileşme sayılmaz."
    )


def _best_any(values, kwargs, expected, variant) -> str:
    i = _first(expected, variant, 2)
    return (
        f"{i + 1}. adımda best_loss {variant[i][2]} oldu ama bu bir iyileşme değildi "
        "(min_delta'dan az düşüş): best_loss yalnızca iyileşmede güncellenir."
    )


def _no_reset(values, kwargs, expected, variant) -> str:
    j = _first(expected, variant, 1)
    k = _first(expected, variant, 3)
    return (
        f"{k + 1}. adımda erken durdu: {j + 1}. adımdaki iyileşme sayacı sıfırlamalıydı; "
        "yalnızca art arda gelen iyileşmesiz adımlar sayılır."
    )


def _late(values, kwargs, expected, variant) -> str:
    k = _first(expected, variant, 3)
    patience = kwargs.get("patience", 3)
    return (
        f"bir adım geç durdu: {patience} adım art arda iyileşme olmadığında ({k + 1}. adımda) "
        "True dönmeli (sayaç >= patience)."
    )


def _early(values, kwargs, expected, variant) -> str:
    k = _first(expected, variant, 3)
    return (
        f"bir adım erken durdu: {k + 1}. adımda yalnızca {expected[k][1]} adımdır iyileşme yok, "
        f"patience {kwargs.get('patience', 3)}."
    )


VARIANTS = [
    ({"or_equal": True}, _or_equal),
    ({"use_delta": False}, _no_delta),
    ({"best_any": True}, _best_any),
    ({"reset": False}, _no_reset),
    ({"late": True}, _late),
    ({"early": True}, _early),
]

GENERIC = (
    "Kural: val_loss < best_loss - min_delta ise iyileşmedir (best_loss = val_loss, sayaç 0); "
    "değilse sayaç 1 artar; step, sayaç >= patience olduğunda True döndürür."
)


# ---------------------------------------------------------------------------------------------
# Judging
# ---------------------------------------------------------------------------------------------


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, dict) and "numpy" in value:
        return _number(value.get("value"))
    tensor = tensor_of(value)
    if tensor is not None and tensor.numel() == 1:
        return float(tensor.item())
    return None


def _truth(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, dict) and "numpy" in value:
        return bool(value.get("value"))
    number = _number(value)
    return None if number is None else bool(number)


def _type_name(value: Any) -> str:
    if isinstance(value, dict):
        if "numpy" in value:
            return f"numpy.{value['numpy']}"
        if "tensor" in value:
            return "Tensor"
        if "type" in value:
            return str(value["type"])
    return type(value).__name__


def _same_best(got: float | None, expected: float) -> bool:
    if got is None:
        return False
    if math.isinf(expected):
        return got == expected
    return abs(got - expected) <= 1e-12 * max(1.0, abs(expected))


def judge(run: Run) -> str | None:
    values: list[float] = run.secret["values"]
    kwargs: dict = run.secret["kwargs"]
    best0 = run.record("best0")
    if not (isinstance(best0, float) and math.isinf(best0) and best0 > 0):
        shown = best0 if isinstance(best0, (int, float)) else _type_name(best0)
        return (
            f"başlangıçta best_loss float('inf') olmalı, {shown!r} geldi: ilk kayıp her zaman "
            "bir iyileşme sayılmalı."
        )
    returned = [run.record(f"dönüş{k}") for k in range(1, len(values) + 1)]
    if run.name == "dönüş değeri bool":
        for value in returned:
            if not isinstance(value, bool):
                return f"step bool döndürmeli, {_type_name(value)} geldi."
    got = [(_truth(r), _number(run.record(f"best{k}"))) for k, r in enumerate(returned, 1)]
    expected = [
        (bool(run.expected(f"dönüş{k}")), float(run.expected(f"best{k}")))
        for k in range(1, len(values) + 1)
    ]
    first = next(
        (
            i
            for i, ((r, b), (er, eb)) in enumerate(zip(got, expected))
            if r is None or r != er or not _same_best(b, eb)
        ),
        None,
    )
    if first is None:
        return None
    (r, b), (er, eb) = got[first], expected[first]
    if r is None:
        return f"step bool döndürmeli, {_type_name(returned[first])} geldi."
    if b is None:
        shown = _type_name(run.record(f"best{first + 1}"))
        return f"{first + 1}. adımdan sonra best_loss bir sayı olmalı, {shown} geldi."
    detail = f"step {r} döndürdü, beklenen {er}; best_loss {b}, beklenen {eb}"
    reference = simulate(values, **kwargs)
    for options, explain in VARIANTS:
        variant = simulate(values, **kwargs, **options)
        if all(gr == vr and _same_best(gb, vb) for (gr, gb), (_, _, vb, vr) in zip(got, variant)):
            diagnosis = explain(values, kwargs, reference, variant)
            return (
                f"{diagnosis} (İlk fark {first + 1}. adımda, val_loss={values[first]}: {detail}.)"
            )
    return f"{first + 1}. adımda (val_loss={values[first]}) {detail}. {GENERIC}"


def _case(name: str, values: list[float], **kwargs: Any) -> LoopCase:
    return LoopCase(name, lambda g: _script(values, **kwargs))


GRADER = LoopGrader(
    symbols=["EarlyStopping"],
    reference={"EarlyStopping": EarlyStoppingReference},
    judge=judge,
    cases=[
        _case("başlangıç: best_loss sonsuz", [0.9, 0.8]),
        _case("hep iyileşen kayıp", [1.0, 0.8, 0.6, 0.4, 0.2]),
        _case("düzleşen kayıp", [1.0, 0.8, 0.7, 0.7, 0.7, 0.7], patience=3),
        _case(
            "min_delta'dan küçük iyileşmeler", [1.0, 0.97, 0.96, 0.93], patience=2, min_delta=0.05
        ),
        _case(
            "best_loss yalnızca iyileşmede güncellenir",
            [1.0, 0.95, 0.91, 0.85, 0.8],
            patience=3,
            min_delta=0.1,
        ),
        _case("iyileşme sayacı sıfırlar", [1.0, 1.1, 1.2, 0.9, 1.0, 1.1, 1.2], patience=3),
        _case("tam patience adımda durur", [0.5, 0.6, 0.7, 0.8], patience=2),
        _case("patience=1", [1.0, 1.0, 0.5], patience=1),
        _case("dönüş değeri bool", [1.0, 1.1, 1.2, 0.9, 1.3], patience=2),
        LoopCase("rastgele kayıp dizileri #1", _random_walk),
        LoopCase("rastgele kayıp dizileri #2", _random_walk),
        LoopCase("rastgele kayıp dizileri #3", _random_walk),
    ],
)
