"""Değerlendirici: set_seed (kullanılan bütün rastgele sayı üreteçlerini tek tohumla başlatmak).

Betik öğrencinin sürecinde üreteçleri ilgisiz bir tohumla karıştırır, `set_seed(s1)`'i çağırır ve
her üreteçten sayılar çeker (Python'un `random`'ı, NumPy'nin küresel üreteci, `torch.rand`,
`nn.Linear`'ın başlangıç değerleri, üreteci verilmemiş bir `DataLoader`'ın karıştırması, bir
dropout maskesi). Sonra üreteçleri başka bir tohumla yeniden karıştırır, `set_seed(s1)` ile aynı
çekilişleri tekrarlar, en sonunda `set_seed(s1 + 1)` ile bir kez daha çeker. Değerlendirme
işinde, aynı tohumdan sonra her üretecin aynı sayıları verdiği, farklı tohumdan sonra ise farklı
sayılar verdiği denetlenir; tohumlanmayan üreteç adıyla söylenir.

For pack authors: no reference run; ops `scramble`, `call`, `draws`.
"""

from __future__ import annotations

from typing import Any

from tutor.grading.compare import same_tensor
from tutor.grading.loops import LoopCase, LoopGrader, Run, Script, tensor_of

MISSED = {
    "python": (
        "Python'un random modülü tohumlanmamış: aynı tohumdan sonra random.random() farklı "
        "sayılar verdi (random.seed(seed))."
    ),
    "numpy": (
        "NumPy'nin küresel üreteci tohumlanmamış: aynı tohumdan sonra np.random.rand() farklı "
        "sayılar verdi (np.random.seed(seed))."
    ),
    "torch": (
        "torch'un üreteci tohumlanmamış: aynı tohumdan sonra torch.rand farklı sayılar verdi "
        "(torch.manual_seed(seed))."
    ),
    "init": (
        "aynı tohumdan sonra nn.Linear farklı başlangıç değerleri aldı: torch'un üreteci "
        "tohumlanmamış (torch.manual_seed(seed))."
    ),
    "shuffle": (
        "aynı tohumdan sonra DataLoader başka bir sırayla karıştırdı: torch'un üreteci "
        "tohumlanmamış (torch.manual_seed(seed))."
    ),
    "dropout": (
        "aynı tohumdan sonra dropout maskesi farklı: torch'un üreteci tohumlanmamış "
        "(torch.manual_seed(seed))."
    ),
}
CASES = {
    "Python random": "python",
    "NumPy": "numpy",
    "torch": "torch",
    "model başlangıç değerleri": "init",
    "DataLoader karıştırması": "shuffle",
    "dropout maskesi": "dropout",
}
# How a generator was missed, when the seed function's own calls tell (recorded as it ran).
HOW = {
    ("numpy", "np.random.default_rng"): (
        "np.random.default_rng(seed) yeni bir üreteç kurup döndürür; np.random.rand gibi "
        "küresel fonksiyonlar onu kullanmaz. Küresel üreteç tohumlanmamış: aynı tohumdan "
        "sonra np.random.rand() farklı sayılar verdi (np.random.seed(seed))."
    ),
    ("torch", "torch.cuda.manual_seed_all"): (
        "yalnızca CUDA üreteçleri tohumlanmış (torch.cuda.manual_seed_all); CPU'daki torch "
        "üreteci tohumsuz kaldı: aynı tohumdan sonra torch.rand farklı sayılar verdi. "
        "torch.manual_seed(seed) CPU'yu da GPU'ları da tohumlar."
    ),
    ("torch", "torch.cuda.manual_seed"): (
        "yalnızca CUDA üreteçleri tohumlanmış (torch.cuda.manual_seed); CPU'daki torch "
        "üreteci tohumsuz kaldı: aynı tohumdan sonra torch.rand farklı sayılar verdi. "
        "torch.manual_seed(seed) CPU'yu da GPU'ları da tohumlar."
    ),
    ("torch", "torch.Generator"): (
        "yerel bir torch.Generator tohumlanmış; onu kullanmayan torch.rand, nn.Linear ve "
        "dropout küresel üreteçten çeker ve o tohumsuz kaldı (torch.manual_seed(seed))."
    ),
}
DIRECT = ("python", "numpy", "torch")  # the generators themselves
NAMES = {"python": "random", "numpy": "NumPy", "torch": "torch"}


def reference_set_seed(seed: int) -> None:
    import random

    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def _script(g) -> Script:
    s1 = g.integer(0, 2**31 - 2)
    scramble1, scramble2 = g.integer(0, 2**31 - 1), g.integer(0, 2**31 - 1)
    ops = [
        {"op": "scramble", "seed": scramble1},
        {"op": "call", "fn": "set_seed", "args": [s1], "record": "dönüş", "seeding": True},
        {"op": "draws", "record": "D1"},
        {"op": "scramble", "seed": scramble2},  # every generator moves elsewhere
        {"op": "call", "fn": "set_seed", "args": [s1]},
        {"op": "draws", "record": "D2"},
        {"op": "call", "fn": "set_seed", "args": [s1 + 1]},
        {"op": "draws", "record": "D3"},
    ]
    return Script(ops, secret={"seeds": (s1, s1 + 1)})


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a == b
    ta, tb = tensor_of(a), tensor_of(b)
    return ta is not None and tb is not None and same_tensor(ta, tb)


def judge(run: Run) -> str | None:
    first, again, other = (run.record(k) or {} for k in ("D1", "D2", "D3"))
    key = CASES.get(run.name)
    if key is not None:
        if _same(first.get(key), again.get(key)):
            return None
        used = run.record("dönüş:seeding") or []
        proper = {"numpy": "np.random.seed", "torch": "torch.manual_seed"}.get(key)
        for (generator, call), message in HOW.items():
            if generator == key and call in used and proper not in used:
                return message
        return MISSED[key]
    if run.name == "farklı tohumlar farklı sayılar":
        seeded = [k for k in DIRECT if _same(first.get(k), again.get(k))]
        fixed = [k for k in seeded if _same(first.get(k), other.get(k))]
        if not fixed:
            return None
        s1, s2 = run.secret["seeds"]
        where = "" if fixed == list(DIRECT) else f" ({', '.join(NAMES[k] for k in fixed)})"
        return (
            f"farklı tohumlar ({s1} ve {s2}) aynı sayıları verdi{where}: seed kullanılmıyor, "
            "sabit bir tohum var."
        )
    returned = run.record("dönüş")
    if returned is not None:
        shown = returned.get("type") if isinstance(returned, dict) else type(returned).__name__
        if isinstance(returned, dict) and "tensor" in returned:
            shown = "Tensor"
        return f"set_seed bir şey döndürmemeli; {shown} döndürdü."
    return None


GRADER = LoopGrader(
    symbols=["set_seed"],
    reference={"set_seed": reference_set_seed},
    judge=judge,
    cases=[
        LoopCase(name, _script, reference=False)
        for name in [*CASES, "farklı tohumlar farklı sayılar", "dönüş değeri None"]
    ],
)
