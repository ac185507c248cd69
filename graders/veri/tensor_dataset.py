"""Değerlendirici: tensor_dataset (`PairDataset`, kendi TensorDataset'iniz).

Betik öğrencinin `PairDataset(features, labels)` sınıfını kurar; `len(ds)`'yi, her `ds[i]`'yi ve
bazı durumlarda da `DataLoader(ds, batch_size=B, shuffle=...)` ile (karıştırırken tohumlu bir
üreteçle) bir dönemin yığınlarını kaydeder. Aynı betik değerlendirme işinde, satır sayıları
farklıysa ValueError fırlatan bir `TensorDataset` ile de çalışır; örnekler ve yığınlar
karşılaştırılır. Satır sayıları farklı tensörlerle kurucunun fırlattığı hata (`catch`) kaydedilir.

For pack authors: cases are scripts (ops `call`, `isinstance`, `len`, `index`, `batches`,
`record`); the judge checks, in order: the constructor, `Dataset` subclass, `len`, the inputs
unchanged, every item (a 2-tuple of tensors, not swapped, the right row, the right values), the
loader's batches. The mismatch case expects a ValueError from the constructor (an
AssertionError gets its own advice). `TensorDataset` is a forbidden name.
"""

from __future__ import annotations

from typing import Any

import torch
from torch.utils.data import TensorDataset

from tutor import messages as M
from tutor.grading.compare import RemoteTensor, check_tensor, same_tensor
from tutor.grading.loops import LoopCase, LoopGrader, Run, Script, ref, tensor_of


class ReferencePairDataset(TensorDataset):
    """The reference: TensorDataset, with a ValueError (not an assert) for a length mismatch."""

    def __init__(self, features: torch.Tensor, labels: torch.Tensor):
        if len(features) != len(labels):
            raise ValueError(f"features {len(features)} satır, labels {len(labels)} satır")
        super().__init__(features, labels)


def _script(
    features: torch.Tensor,
    labels: torch.Tensor,
    *,
    loader: dict[str, Any] | None = None,
) -> Script:
    ops: list[dict] = [
        {"op": "new", "as": "features", "spec": {"type": "tensor", "value": features}},
        {"op": "new", "as": "labels", "spec": {"type": "tensor", "value": labels}},
        {
            "op": "call",
            "fn": "PairDataset",
            "args": [ref("features"), ref("labels")],
            "record": "kurucu",
            "catch": True,
            "as": "ds",
        },
        {"op": "isinstance", "target": ref("ds"), "of": "Dataset", "record": "veri seti mi"},
        {"op": "len", "target": ref("ds"), "record": "uzunluk"},
    ]
    ops += [
        {"op": "index", "target": ref("ds"), "index": i, "record": f"öğe{i}"}
        for i in range(len(features))
    ]
    if loader is not None:
        ops.append({"op": "batches", "dataset": ref("ds"), "record": "yığınlar", **loader})
    ops += [
        {"op": "record", "value": ref("features"), "record": "features sonra"},
        {"op": "record", "value": ref("labels"), "record": "labels sonra"},
    ]
    return Script(ops)


def _mismatch(g) -> Script:
    width = g.integer(2, 4)
    ops = []
    for n, (rows, labels) in enumerate(((5, 4), (4, 5)), start=1):
        ops += [
            {
                "op": "new",
                "as": f"features{n}",
                "spec": {"type": "tensor", "value": g.randn(rows, width)},
            },
            {
                "op": "new",
                "as": f"labels{n}",
                "spec": {"type": "tensor", "value": g.randint(0, 3, labels)},
            },
            {
                "op": "call",
                "fn": "PairDataset",
                "args": [ref(f"features{n}"), ref(f"labels{n}")],
                "record": f"uyumsuz{n}",
                "catch": True,
            },
        ]
    return Script(ops, secret={"rows": [(5, 4), (4, 5)]})


def _random_shapes(g) -> Script:
    n = g.integer(2, 20)
    features = g.randn(n, *g.shape(1, 2, 1, 4))
    return _script(features, g.randint(0, 5, n))


# ---------------------------------------------------------------------------------------------
# Judging
# ---------------------------------------------------------------------------------------------


def _raised(value: Any) -> str | None:
    if isinstance(value, dict) and "raised" in value:
        return f"{value['raised']}: {value.get('message', '')}".rstrip(": ")
    return None


def _kind(entry: dict) -> str:
    """What ds[i] returned, in words: 'tensör', '3 öğeli demet', 'list', ..."""
    kind = entry.get("type")
    if kind == "Tensor":
        return "tensör"
    if kind in ("tuple", "list") and entry.get("parts") is not None:
        word = "demet" if kind == "tuple" else "liste"
        return f"{len(entry['parts'])} öğeli {word}"
    return str(kind)


def _remote(value: Any) -> Any:
    """A learner's tensor as check_tensor wants it (a `_plain` record holds it in a dict)."""
    if isinstance(value, dict) and isinstance(value.get("tensor"), RemoteTensor):
        return value["tensor"]
    return value


def _same(got: Any, expected: torch.Tensor) -> bool:
    tensor = tensor_of(got)
    return tensor is not None and same_tensor(tensor, expected.detach().cpu())


def _item_problem(i: int, got: Any, expected: tuple, items: list[tuple]) -> str | None:
    if not isinstance(got, dict):
        return f"ds[{i}] için bir değer gelmedi."
    raised = _raised(got)
    if raised:
        return f"ds[{i}] hata fırlattı: {raised}."
    parts = got.get("parts")
    if got.get("type") not in ("tuple", "list") or parts is None or len(parts) != 2:
        return f"ds[{i}] iki öğeli bir demet (öznitelikler, etiket) döndürmeli; {_kind(got)} geldi."
    for k, name in enumerate(parts):
        if name not in ("Tensor", "Parameter"):
            return (
                f"ds[{i}][{k}]: tensör bekleniyordu, {name} geldi. Tensörleri Python "
                "listelerine çevirmeden saklayın."
            )
    value = got["value"]
    want = [tensor_of(v) for v in expected]
    if not (_same(value[0], want[0]) and _same(value[1], want[1])):
        if _same(value[0], want[1]) and _same(value[1], want[0]):
            return (
                f"ds[{i}] öğeleri ters sırada: önce öznitelikler (features[{i}]), sonra etiket "
                f"(labels[{i}])."
            )
        for j, other in enumerate(items):
            if (
                j != i
                and _same(value[0], tensor_of(other[0]))
                and _same(value[1], tensor_of(other[1]))
            ):
                return f"ds[{i}], {j}. satırı döndürüyor; i. örnek features[i] ve labels[i] olmalı."
    for k in range(2):
        problem = check_tensor(_remote(value[k]), want[k], f"ds[{i}][{k}]")
        if problem:
            return problem
    return None


def _batches_problem(got: Any, expected: Any) -> str | None:
    if not isinstance(got, dict):
        return "DataLoader'ın yığınları gelmedi."
    batches, want = got.get("batches", []), expected.get("batches", [])
    for k, (batch, expected_batch) in enumerate(zip(batches, want), start=1):
        if not isinstance(batch, (list, tuple)) or len(batch) != len(expected_batch):
            shown = f"{len(batch)} öğe" if isinstance(batch, (list, tuple)) else "tek tensör"
            return (
                f"DataLoader'ın {k}. yığını TensorDataset'in aynı tohumlu yığınından farklı: "
                f"{len(expected_batch)} öğe (öznitelikler, etiketler) bekleniyordu, {shown} geldi."
            )
        for part, (value, expected_value) in enumerate(zip(batch, expected_batch)):
            what = "öznitelikler" if part == 0 else "etiketler"
            problem = check_tensor(_remote(value), tensor_of(expected_value), what)
            if problem:
                return (
                    f"DataLoader'ın {k}. yığını TensorDataset'in aynı tohumlu yığınından "
                    f"farklı: {problem}"
                )
    raised = _raised(got)
    if raised and len(batches) < len(want):
        return f"DataLoader {len(batches) + 1}. yığını kurarken hata fırlattı: {raised}."
    if len(batches) != len(want):
        return f"DataLoader {len(batches)} yığın verdi, {len(want)} bekleniyordu."
    return None


def _mismatch_problem(run: Run) -> str | None:
    for n, (rows, labels) in enumerate(run.secret["rows"], start=1):
        got = run.record(f"uyumsuz{n}")
        raised = got.get("raised") if isinstance(got, dict) else None
        if raised is None:
            return (
                f"features {rows} satır, labels {labels} satır iken kurucu hata fırlatmadı; "
                "ValueError fırlatmalı."
            )
        if raised != "ValueError":
            message = f"ValueError bekleniyordu, {raised} fırlatıldı."
            if raised == "AssertionError":
                message += (
                    " assert yerine raise ValueError(...) yazın: assert, python -O ile hiç "
                    "çalışmaz."
                )
            return message
    return None


def judge(run: Run) -> str | None:
    if run.name.startswith("uzunluklar farklı"):
        return _mismatch_problem(run)
    raised = _raised(run.record("kurucu"))
    if raised:
        return f"PairDataset(features, labels) hata fırlattı: {raised}."
    if not run.record("veri seti mi"):
        return "PairDataset, torch.utils.data.Dataset'ten türemeli."
    length, expected_length = run.record("uzunluk"), run.expected("uzunluk")
    if _raised(length):
        return f"len(veri_seti) hata fırlattı: {_raised(length)}."
    if length != expected_length:
        return (
            f"len(veri_seti) {length} döndü, {expected_length} bekleniyordu: __len__ örnek "
            "(satır) sayısını, yani ilk boyutun uzunluğunu vermeli."
        )
    for name in ("features", "labels"):
        if not _same(run.record(f"{name} sonra"), tensor_of(run.expected(f"{name} sonra"))):
            return M.CMP_INPUT_CHANGED.format(name=name)
    items = [run.expected(f"öğe{i}")["value"] for i in range(expected_length)]
    for i in range(expected_length):
        problem = _item_problem(i, run.record(f"öğe{i}"), items[i], items)
        if problem:
            return problem
    if run.expected("yığınlar") is not None:
        problem = _batches_problem(run.record("yığınlar"), run.expected("yığınlar"))
        if problem:
            return problem
    return None


def _case(features_of, labels_of, loader: dict[str, Any] | None = None):
    return lambda g: _script(features_of(g), labels_of(g), loader=loader)


GRADER = LoopGrader(
    symbols=["PairDataset"],
    reference={"PairDataset": ReferencePairDataset},
    judge=judge,
    forbidden_names=["TensorDataset"],
    cases=[
        LoopCase(
            "tablo ve tam sayı etiketler",
            _case(lambda g: g.randn(12, 3), lambda g: g.randint(0, 4, 12)),
        ),
        LoopCase(
            "görüntü yığını ve ondalıklı hedefler",
            _case(lambda g: g.randn(6, 1, 4, 4), lambda g: g.randn(6, 1)),
        ),
        LoopCase("tek örnek", _case(lambda g: g.randn(1, 5), lambda g: g.randint(0, 3, 1))),
        LoopCase(
            "DataLoader ile, karıştırmadan",
            _case(
                lambda g: g.randn(10, 3),
                lambda g: g.randint(0, 4, 10),
                loader={"batch_size": 4, "shuffle": False},
            ),
        ),
        LoopCase(
            "DataLoader ile, karıştırarak",
            lambda g: _script(
                g.randn(10, 3),
                g.randint(0, 4, 10),
                loader={"batch_size": 3, "shuffle": True, "seed": g.integer(0, 2**31 - 1)},
            ),
        ),
        LoopCase("uzunluklar farklı: ValueError", _mismatch),
        LoopCase("rastgele şekiller #1", _random_shapes),
        LoopCase("rastgele şekiller #2", _random_shapes),
    ],
)
