"""Değerlendirici: train_val_split (satırları tohumlu bir rastgele sırayla ikiye ayırmak).

Doğru olan tek bir sıra yoktur: tohumlu her rastgele sıra doğrudur. Bu yüzden ayrım
özellikleriyle değerlendirilir. X'in satırları birbirinden farklıdır; dönen her satır,
değerlendirme işinde tam eşitlikle X'teki indeksine bağlanır. Betik aynı girdilerle birkaç çağrı
yapar ve çağrıdan önce ve sonra küresel üreteçlerin (torch, NumPy, random) durum özetlerini
kaydeder. Denetlenenler: boylar (`n_val = int(len(X) * val_fraction)`), hiçbir satırın
kaybolmaması ya da tekrarlanmaması, çiftlerin bozulmaması, aynı tohumla aynı ayrım, farklı
tohumla farklı ayrım, sıralı veride karıştırma, küresel üreteçlere dokunmama, (0, 1) dışındaki
oranlarda ValueError; her durumda dönüş türleri ve girdilerin yerinde değişmemesi.

For pack authors: no reference run (`reference=False`); every check rests on the learner's
outputs mapped back to row indices on the trusted side (`secret` keeps X and y). Ops used:
`scramble`, `rng_states`, `call` (with `catch`), `record`.
"""

from __future__ import annotations

from typing import Any

import torch

from tutor import messages as M
from tutor.grading.compare import RemoteTensor, same_tensor
from tutor.grading.loops import LoopCase, LoopGrader, Run, Script, ref, tensor_of

NAMES = ("X_train", "y_train", "X_val", "y_val")
INVALID = (0.0, 1.0, -0.1, 1.5)
GENERATORS = {
    "torch": (
        "torch'un küresel üretecinin durumu değişmiş: torch.manual_seed ya da küresel üreteçten "
        "çekilen sayılar yerine torch.Generator().manual_seed(seed) kullanın."
    ),
    "numpy": (
        "NumPy'nin küresel üretecinin durumu değişmiş: np.random.seed yerine kendi üretecinizi "
        "kullanın."
    ),
    "python": (
        "random modülünün küresel üretecinin durumu değişmiş: random.seed yerine kendi "
        "üretecinizi kullanın."
    ),
}


def reference_train_val_split(X, y, val_fraction, seed):
    """One correct split (any seeded order is correct; the judge checks properties)."""
    if not 0.0 < val_fraction < 1.0:
        raise ValueError(f"val_fraction (0, 1) aralığında olmalı, {val_fraction} verildi")
    n_val = int(len(X) * val_fraction)
    order = torch.randperm(len(X), generator=torch.Generator().manual_seed(seed))
    return X[order[n_val:]], y[order[n_val:]], X[order[:n_val]], y[order[:n_val]]


def _script(
    g,
    n: int,
    fraction: float,
    *,
    x_shape: tuple[int, ...] = (3,),
    y: torch.Tensor | None = None,
    again: bool = False,
    other_seed: bool = False,
    invalid: bool = False,
) -> Script:
    X = g.randn(n, *x_shape)
    if y is None:
        y = g.randint(0, 3, n)
    seed = g.integer(0, 2**31 - 2)
    args = [ref("X"), ref("y"), fraction, seed]
    ops: list[dict] = [
        {"op": "new", "as": "X", "spec": {"type": "tensor", "value": X}},
        {"op": "new", "as": "y", "spec": {"type": "tensor", "value": y}},
        {"op": "scramble", "seed": g.integer(0, 2**31 - 1)},
        {"op": "rng_states", "record": "üreteçler önce"},
        {"op": "call", "fn": "train_val_split", "args": args, "record": "bir", "catch": True},
        {"op": "rng_states", "record": "üreteçler sonra"},
    ]
    if again:
        ops.append(
            {"op": "call", "fn": "train_val_split", "args": args, "record": "iki", "catch": True}
        )
    if other_seed:
        ops.append(
            {
                "op": "call",
                "fn": "train_val_split",
                "args": [ref("X"), ref("y"), fraction, seed + 1],
                "record": "üç",
                "catch": True,
            }
        )
    if invalid:
        ops += [
            {
                "op": "call",
                "fn": "train_val_split",
                "args": [ref("X"), ref("y"), bad, seed],
                "record": f"geçersiz{k}",
                "catch": True,
            }
            for k, bad in enumerate(INVALID)
        ]
    ops += [
        {"op": "record", "value": ref("X"), "record": "X sonra"},
        {"op": "record", "value": ref("y"), "record": "y sonra"},
    ]
    return Script(ops, secret={"X": X, "y": y, "fraction": fraction, "seed": seed})


# ---------------------------------------------------------------------------------------------
# Judging
# ---------------------------------------------------------------------------------------------


def _describe(value: Any) -> str:
    if isinstance(value, RemoteTensor) or (isinstance(value, dict) and "tensor" in value):
        return "tek bir tensör"
    if isinstance(value, (tuple, list)):
        word = "demet" if isinstance(value, tuple) else "liste"
        return f"{len(value)} öğeli bir {word}"
    if value is None:
        return "None"
    if isinstance(value, dict) and "type" in value:
        return str(value["type"])
    if isinstance(value, dict) and "numpy" in value:
        return f"NumPy {value['numpy']}"
    return type(value).__name__


def _outputs(run: Run, key: str, seed: int) -> tuple[list[torch.Tensor] | None, str | None]:
    """The four tensors of one call, or the message that says why there are none."""
    got = run.record(key)
    secret = run.secret
    if isinstance(got, dict) and "raised" in got:
        return None, (
            f"train_val_split(X, y, {secret['fraction']}, seed={seed}) hata fırlattı: "
            f"{got['raised']}: {got.get('message', '')}"
        )
    if not isinstance(got, (tuple, list)) or len(got) != 4:
        return None, (
            "dört tensörlü bir demet (X_train, y_train, X_val, y_val) bekleniyordu, "
            f"{_describe(got)} geldi."
        )
    tensors = [tensor_of(v) for v in got]
    for name, value, tensor in zip(NAMES, got, tensors):
        if tensor is None:
            return None, f"{name}: tensör bekleniyordu, {_describe(value)} geldi."
    return tensors, None


def _row_index(X: torch.Tensor) -> dict[bytes, int]:
    return {X[i].contiguous().numpy().tobytes(): i for i in range(len(X))}


def _indices(
    rows: torch.Tensor, table: dict[bytes, int], like: torch.Tensor, name: str
) -> tuple[list[int] | None, str | None]:
    """Each row of an output traced back to its index in X."""
    if rows.dtype != like.dtype or tuple(rows.shape[1:]) != tuple(like.shape[1:]):
        return None, (
            f"{name}: şekil ya da veri tipi X'inkine uymuyor (beklenen (k, "
            f"{', '.join(map(str, like.shape[1:]))}) {str(like.dtype).replace('torch.', '')}, "
            f"gelen {tuple(rows.shape)} {str(rows.dtype).replace('torch.', '')}): X'in satırlarını "
            "değiştirmeden seçin."
        )
    found = []
    for j in range(len(rows)):
        index = table.get(rows[j].contiguous().numpy().tobytes())
        if index is None:
            return None, f"{name}'in {j}. satırı X'te yok: satırlar değiştirilmiş."
        found.append(index)
    return found, None


def _split_indices(run: Run, out: list[torch.Tensor]) -> tuple[dict | None, str | None]:
    X = run.secret["X"]
    table = _row_index(X)
    found = {}
    for name, rows in (("X_train", out[0]), ("X_val", out[2])):
        indices, problem = _indices(rows, table, X, name)
        if problem:
            return None, problem
        found[name] = indices
    return found, None


def _rows_problem(run: Run, found: dict) -> str | None:
    seen = found["X_train"] + found["X_val"]
    counts: dict[int, int] = {}
    for index in seen:
        counts[index] = counts.get(index, 0) + 1
    repeated = [i for i in seen if counts[i] > 1]
    if repeated:
        k = len({i for i in repeated})
        return (
            f"{k} satır hem eğitim hem doğrulama kümesinde (ya da bir kümede iki kez) "
            f"görünüyor; ilki X'in {repeated[0]}. satırı."
        )
    lost = [i for i in range(len(run.secret["X"])) if i not in counts]
    if lost:
        return f"{len(lost)} satır iki kümede de yok: kaybolmuş; ilki X'in {lost[0]}. satırı."
    return None


def _sizes_problem(run: Run, out: list[torch.Tensor]) -> str | None:
    n = len(run.secret["X"])
    n_val = int(n * run.secret["fraction"])
    if len(out[2]) != n_val:
        return (
            f"doğrulama kümesinde {len(out[2])} satır var, {n_val} bekleniyordu: n_val = "
            "int(len(X) * val_fraction) (aşağı yuvarlanır; round değil)."
        )
    if len(out[0]) != n - n_val:
        return (
            f"eğitim kümesinde {len(out[0])} satır var, {n - n_val} bekleniyordu: doğrulamaya "
            "ayrılmayan bütün satırlar eğitim kümesine girer."
        )
    return _label_sizes_problem(out)


def _label_sizes_problem(out: list[torch.Tensor]) -> str | None:
    for x_name, y_name, x, y in (
        ("X_train", "y_train", out[0], out[1]),
        ("X_val", "y_val", out[2], out[3]),
    ):
        if len(y) != len(x):
            return (
                f"{y_name}'de {len(y)} satır var, {x_name}'de {len(x)}: X ve y'yi aynı "
                "indekslerle seçin."
            )
    return None


def _shown(t: torch.Tensor) -> Any:
    return t.item() if t.numel() == 1 else t.tolist()


def _pairs_problem(run: Run, out: list[torch.Tensor], found: dict) -> str | None:
    problem = _label_sizes_problem(out)
    if problem:
        return problem
    y = run.secret["y"]
    for x_name, y_name, labels in (("X_train", "y_train", out[1]), ("X_val", "y_val", out[3])):
        if labels.dtype != y.dtype or tuple(labels.shape[1:]) != tuple(y.shape[1:]):
            return (
                f"{y_name}: şekil ya da veri tipi y'ninkine uymuyor: y'nin satırlarını "
                "değiştirmeden seçin."
            )
        for j, index in enumerate(found[x_name]):
            if not same_tensor(labels[j], y[index]):
                return (
                    f"{x_name}'in {j}. satırının etiketi yanlış (beklenen {_shown(y[index])}, "
                    f"gelen {_shown(labels[j])}): satırlar ve etiketler ayrı sıralarla "
                    "karıştırılmış; X ve y'yi aynı indekslerle seçin."
                )
    return None


def _globals_problem(run: Run) -> str | None:
    before, after = run.record("üreteçler önce"), run.record("üreteçler sonra")
    if not isinstance(before, dict) or not isinstance(after, dict):
        return "küresel üreteçlerin durumu okunamadı."
    for name, message in GENERATORS.items():
        if before.get(name) != after.get(name):
            return message
    return None


def _invalid_problem(run: Run) -> str | None:
    for k, bad in enumerate(INVALID):
        got = run.record(f"geçersiz{k}")
        raised = got.get("raised") if isinstance(got, dict) else None
        if raised is None:
            return f"val_fraction={bad} için ValueError bekleniyordu, hata fırlatılmadı."
        if raised != "ValueError":
            return f"val_fraction={bad} için ValueError bekleniyordu, {raised} fırlatıldı."
    return None


def _ordered_problem(run: Run, found: dict) -> str | None:
    n = len(run.secret["X"])
    val = set(found["X_val"])
    n_val = len(val)
    if n_val and val == set(range(n - n_val, n)):
        where = "son"
    elif n_val and val == set(range(n_val)):
        where = "ilk"
    else:
        return None
    return (
        f"doğrulama kümesi verinin {where} {n_val} satırı: satırlar karıştırılmadan ayrılmış; "
        "sıralı veride doğrulama kümesi tek sınıftan oluşur."
    )


def judge(run: Run) -> str | None:
    seed = run.secret["seed"]
    out, problem = _outputs(run, "bir", seed)
    if problem:
        return problem
    for name in ("X", "y"):
        if not same_tensor(tensor_of(run.record(f"{name} sonra")), run.secret[name]):
            return M.CMP_INPUT_CHANGED.format(name=name)
    checks = run.data.get("checks", ())
    found = None
    if {"rows", "pairs", "ordered", "other_seed"} & set(checks):
        found, problem = _split_indices(run, out)
        if problem:
            return problem
    if "rows" in checks:
        problem = _rows_problem(run, found)
        if problem:
            return problem
    if "sizes" in checks:
        problem = _sizes_problem(run, out)
        if problem:
            return problem
    if "pairs" in checks:
        problem = _pairs_problem(run, out, found)
        if problem:
            return problem
    if "again" in checks:
        second, problem = _outputs(run, "iki", seed)
        if problem:
            return problem
        if not all(same_tensor(a, b) for a, b in zip(out, second)):
            return (
                "aynı tohumla iki çağrı farklı ayrımlar verdi: sıra seed'den üretilmiyor "
                "(torch.Generator().manual_seed(seed) ile kendi üretecinizi kurun)."
            )
    if "other_seed" in checks:
        other, problem = _outputs(run, "üç", seed + 1)
        if problem:
            return problem
        other_found, problem = _split_indices(run, other)
        if problem:
            return problem
        if set(other_found["X_val"]) == set(found["X_val"]):
            return "farklı tohumlar aynı ayrımı verdi: seed kullanılmıyor."
    if "ordered" in checks:
        problem = _ordered_problem(run, found)
        if problem:
            return problem
    if "globals" in checks:
        problem = _globals_problem(run)
        if problem:
            return problem
    if "invalid" in checks:
        return _invalid_problem(run)
    return None


def _sorted_labels(g, n: int) -> Script:
    return _script(g, n, 0.25, y=torch.cat([torch.zeros(n // 2), torch.ones(n - n // 2)]).long())


def _random_sizes(g) -> Script:
    n = g.integer(5, 60)
    return _script(g, n, round(g.py.uniform(0.05, 0.95), 4))


def _case(name: str, make, checks: tuple[str, ...]) -> LoopCase:
    return LoopCase(name, make, reference=False, data={"checks": checks})


ALL = ("rows", "sizes", "pairs")

GRADER = LoopGrader(
    symbols=["train_val_split"],
    reference={"train_val_split": reference_train_val_split},
    judge=judge,
    cases=[
        _case(
            "boylar: n_val = int(len(X) * val_fraction)",
            lambda g: _script(g, 9, 0.3),
            ("sizes",),
        ),
        _case("boylar: 100 satırın %20'si", lambda g: _script(g, 100, 0.2), ("sizes",)),
        _case(
            "hiçbir satır kaybolmaz ya da tekrarlanmaz", lambda g: _script(g, 20, 0.2), ("rows",)
        ),
        _case(
            "çiftler bozulmaz",
            lambda g: _script(g, 30, 0.3, y=torch.randperm(30, generator=g.torch)),
            ("pairs",),
        ),
        _case("aynı tohum, aynı ayrım", lambda g: _script(g, 50, 0.2, again=True), ("again",)),
        _case(
            "farklı tohum, farklı ayrım",
            lambda g: _script(g, 50, 0.2, other_seed=True),
            ("other_seed",),
        ),
        _case("sıralı veride rastgele ayrım", lambda g: _sorted_labels(g, 40), ("ordered",)),
        _case("küresel üreteçlere dokunmaz", lambda g: _script(g, 20, 0.25), ("globals",)),
        _case(
            "geçersiz oranlar: ValueError",
            lambda g: _script(g, 10, 0.5, invalid=True),
            ("invalid",),
        ),
        _case(
            "çok boyutlu X, 2 boyutlu y",
            lambda g: _script(g, 12, 0.25, x_shape=(2, 3), y=g.randn(12, 2)),
            ALL,
        ),
        _case("rastgele boylar #1", _random_sizes, ALL),
        _case("rastgele boylar #2", _random_sizes, ALL),
    ],
)
