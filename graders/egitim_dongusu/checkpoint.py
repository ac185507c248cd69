"""Değerlendirici: checkpoint (`save_checkpoint`, `load_checkpoint`; eğitimi aynen sürdürmek).

Betik, öğrencinin sürecinde `Linear(4, 8) → BatchNorm1d(8) → ReLU → Linear(8, 2)` ağını bir
eniyileyiciyle (Adam ya da momentumlu SGD) üç dönem eğitir (her dönem tüm veriyle bir adım, MSE
kaybı), öğrencinin `save_checkpoint`'iyle göreli bir dosyaya kaydeder ve dosyanın
`torch.load(path, weights_only=True)` ile açılıp açılmadığını, eniyileyici durumu içerip
içermediğini yine öğrencinin sürecinde yoklar. Sonra başka başlangıç değerli yeni bir ağa ve yeni
bir eniyileyiciye `load_checkpoint` ile yükler ve üç dönem daha eğitir. Değerlendirme işinde aynı
betik referans fonksiyonlarla çalışır (referans kontrol noktasını bellekte tutar, dosya yazmaz);
referansın sürdürdüğü eğitim, hiç kesilmeyen eğitimin ta kendisidir. Yüklenen model ve
eniyileyici durumu referansınkiyle, sürdürülen eğitimin her dönemi kesintisiz eğitimle
karşılaştırılır. Değerlendirme tarafı öğrencinin yazdığı dosyayı hiç açmaz; dosyanın yoklanması
yalnızca kalmak için ek bir neden olabilir.

For pack authors: ops `network`, `plain_optimizer` (picklable, so that saving whole objects
fails only on weights_only), `checkpoint_path`, `steps`, `inspect_checkpoint`,
`optimizer_state`.
"""

from __future__ import annotations

from typing import Any

import torch

from tutor.grading.compare import RemoteTensor, check_tensor
from tutor.grading.loops import LoopCase, LoopGrader, Run, Script, ref, tensor_of

LAYERS = [["Linear", 4, 8], ["BatchNorm1d", 8], ["ReLU"], ["Linear", 8, 2]]
EPOCH = 3
OPTIMIZERS = {
    "Adam": ("Adam", {"lr": 0.05}, "Adam'ın momentleri ve adım sayıları"),
    "SGD": ("SGD", {"lr": 0.05, "momentum": 0.9}, "SGD'nin momentum tamponları"),
}


def reference_save_checkpoint(path, model, optimizer, epoch):
    torch.save(
        {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}, path
    )


def reference_load_checkpoint(path, model, optimizer):
    if hasattr(path, "seek"):  # the reference run keeps its checkpoint in memory
        path.seek(0)
    checkpoint = torch.load(path, weights_only=True)
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    return checkpoint["epoch"]


def _script(g, optimizer: str = "Adam", *, resume: bool = True, inspect: bool = True) -> Script:
    name, kwargs, _ = OPTIMIZERS[optimizer]
    seed_a, seed_b = g.integer(0, 2**31 - 1), g.integer(0, 2**31 - 1)
    x, y = g.randn(32, 4), g.randn(32, 2)

    def net(as_: str, seed: int) -> list[dict]:
        return [
            {"op": "new", "as": as_, "spec": {"type": "network", "layers": LAYERS, "seed": seed}},
            {
                "op": "new",
                "as": f"{as_}_opt",
                "spec": {
                    "type": "plain_optimizer",
                    "name": name,
                    "params": ref(as_),
                    "kwargs": kwargs,
                },
            },
        ]

    def steps(as_: str, record: str) -> dict:
        return {
            "op": "steps",
            "model": ref(as_),
            "optimizer": ref(f"{as_}_opt"),
            "x": ref("x"),
            "y": ref("y"),
            "n": EPOCH,
            "record": record,
        }

    ops: list[dict] = [
        {"op": "new", "as": "x", "spec": {"type": "tensor", "value": x}},
        {"op": "new", "as": "y", "spec": {"type": "tensor", "value": y}},
        *net("model", seed_a),
        steps("model", "ilk dönemler"),
        {
            "op": "new",
            "as": "path",
            "spec": {"type": "checkpoint_path", "name": f"kontrol_noktasi_{seed_a}.pt"},
        },
        {
            "op": "call",
            "fn": "save_checkpoint",
            "args": [ref("path"), ref("model"), ref("model_opt"), EPOCH],
            "record": "kaydet",
            "catch": True,
        },
        *(
            [{"op": "inspect_checkpoint", "path": ref("path"), "record": "dosya"}]
            if inspect
            else []
        ),
        *net("resumed", seed_b),
        {
            "op": "call",
            "fn": "load_checkpoint",
            "args": [ref("path"), ref("resumed"), ref("resumed_opt")],
            "record": "dönem",
            "catch": True,
        },
        {"op": "state", "target": ref("resumed"), "record": "yüklenen model"},
        {"op": "optimizer_state", "target": ref("resumed_opt"), "record": "yüklenen eniyileyici"},
    ]
    if resume:
        # The reference run resumes from its own checkpoint, which is exact: its path is the
        # path of training that never stopped (tests/test_loop_references.py checks that).
        ops.append(steps("resumed", "sürdürülen"))
    return Script(ops, secret={"optimizer": optimizer})


# ---------------------------------------------------------------------------------------------
# Judging
# ---------------------------------------------------------------------------------------------


def _raised(value: Any) -> str | None:
    if isinstance(value, dict) and "raised" in value:
        return f"{value['raised']}: {value.get('message', '')}".rstrip(": ")
    return None


def _remote(value: Any) -> Any:
    if isinstance(value, dict) and isinstance(value.get("tensor"), RemoteTensor):
        return value["tensor"]
    return value


def _file_problem(run: Run) -> str | None:
    found = run.record("dosya")
    if isinstance(found, dict) and found.get("loaded") is False:
        if found.get("global"):
            why = (
                "dosyada torch.load(path, weights_only=True)'nun açmadığı bir nesne var "
                f"({found['global']})"
            )
        else:
            why = f"torch.load(path, weights_only=True) hata verdi ({found.get('error', '')})"
        return (
            f"kontrol noktası weights_only=True ile açılamıyor: {why}. Modelin ya da "
            "eniyileyicinin kendisini değil state_dict'ini kaydedin."
        )
    return None


def _epoch_problem(run: Run) -> str | None:
    got = run.record("dönem")
    if isinstance(got, int) and not isinstance(got, bool) and got == EPOCH:
        return None
    tensor = tensor_of(got)
    if tensor is not None:
        value = tensor.item() if tensor.numel() == 1 else "?"
        return (
            f"load_checkpoint dönemi tensör olarak döndürdü (değeri {value}); kaydedilen dönem "
            f"{EPOCH}, bir int olarak döndürülmeli (int(...) ya da .item())."
        )
    if isinstance(got, dict):
        got = got.get("type", "?")
    if got == EPOCH + 1:
        return (
            f"load_checkpoint {got!r} döndürdü, kaydedilen dönem {EPOCH}: dönemi olduğu gibi "
            "döndürün (bir sonraki dönemi hesaplamak döngünün işi)."
        )
    if got == EPOCH:
        return (
            f"load_checkpoint dönemi {type(got).__name__} olarak döndürdü; kaydedilen dönem "
            f"{EPOCH}, bir int olarak döndürülmeli."
        )
    return (
        f"load_checkpoint {got!r} döndürdü, kaydedilen dönem {EPOCH}: kaydettiğiniz dönemi "
        "döndürün."
    )


def _is_buffer(name: str) -> bool:
    return name.rsplit(".", 1)[-1] in ("running_mean", "running_var", "num_batches_tracked")


def _model_problem(run: Run) -> str | None:
    got, expected = run.record("yüklenen model"), run.expected("yüklenen model")
    if not isinstance(got, dict):
        return "yüklemeden sonra modelin durumu okunamadı."
    differing = [
        name
        for name, value in expected.items()
        if name not in got or check_tensor(got[name], value, name)
    ]
    if not differing:
        return None
    if all(_is_buffer(name) for name in differing):
        return (
            f"yüklemeden sonra {differing[0]} (BatchNorm'un tamponu) kaydedilen değerle aynı "
            "değil: tamponlar da modelin durumudur; yalnızca parametreleri değil "
            "model.state_dict()'in tamamını kaydedip yükleyin."
        )
    return (
        f"yüklemeden sonra {differing[0]} kaydedilen değerle aynı değil: durum verilen modele "
        "yüklenmemiş (model.load_state_dict(...); model.state_dict().update(...) yalnızca bir "
        "kopyayı değiştirir)."
    )


def _optimizer_problem(run: Run) -> str | None:
    got, expected = run.record("yüklenen eniyileyici"), run.expected("yüklenen eniyileyici")
    if not isinstance(got, dict) or "state" not in got:
        return "yüklemeden sonra eniyileyicinin durumu okunamadı."
    missing = None
    for key, value in expected["state"].items():
        expected_tensor = tensor_of(value)
        if key not in got["state"]:
            missing = key
        elif expected_tensor is None:
            missing = None if got["state"][key] == value else key
        elif check_tensor(_remote(got["state"][key]), expected_tensor, key):
            missing = key
        if missing:
            break
    if missing is None:
        for index, (group, want) in enumerate(zip(got.get("groups", []), expected["groups"])):
            for key, value in want.items():
                if group.get(key) != value:
                    return (
                        f"yüklemeden sonra eniyileyicinin ayarı {key} (param_groups[{index}]) "
                        f"{group.get(key)!r}, kaydedilen {value!r}: eniyileyicinin durumu "
                        "ayarlarıyla birlikte olduğu gibi yüklenmeli."
                    )
        return None
    found = run.record("dosya")
    if isinstance(found, dict) and found.get("loaded") and not found.get("optimizer_state"):
        what = OPTIMIZERS[run.secret["optimizer"]][2]
        return (
            f"eniyileyicinin durumu kaydedilmemiş: {what} olmadan sürdürülen eğitim, kesintisiz "
            "eğitimden ayrılır."
        )
    if isinstance(found, dict) and found.get("optimizer_state"):
        return (
            "eniyileyicinin durumu dosyada var ama verilen eniyileyiciye yüklenmemiş "
            "(optimizer.load_state_dict(...); optimizer = ... yalnızca yerel adı değiştirir)."
        )
    return (
        f"yüklemeden sonra eniyileyicinin durumundaki '{missing}' kaydedilenle aynı değil: "
        "optimizer.state_dict()'i kaydedip optimizer.load_state_dict(...) ile yükleyin."
    )


def _path_problem(run: Run) -> str | None:
    got = run.record("sürdürülen")
    expected = run.expected("sürdürülen")["states"]
    states = got.get("states", []) if isinstance(got, dict) else []
    for e, want in enumerate(expected, start=EPOCH + 1):
        if e - EPOCH > len(states):
            raised = _raised(got) or "durum gelmedi"
            return f"yüklemeden sonra eğitim {e}. dönemde durdu: {raised}."
        state = states[e - EPOCH - 1]
        for name, value in want.items():
            problem = (
                check_tensor(state[name], value, name)
                if name in state
                else f"{name}: parametre ya da tampon yok."
            )
            if problem:
                message = f"sürdürülen eğitim {e}. dönemde kesintisiz eğitimden ayrıldı: {problem}"
                cause = _model_problem(run) or _optimizer_problem(run)
                return f"{message} Olası neden: {cause}" if cause else message
    return None


CHECKS = {
    "weights_only=True ile açılır": (_file_problem,),
    "dönem numarası": (_epoch_problem,),
    "model yüklenir": (_model_problem,),
    "eniyileyici yüklenir": (_optimizer_problem,),
    "kesintisiz eğitimle aynı yol": (_path_problem,),
    "SGD momentumu ile": (_model_problem, _optimizer_problem, _path_problem),
}


def judge(run: Run) -> str | None:
    raised = _raised(run.record("kaydet"))
    if raised:
        return f"save_checkpoint hata fırlattı: {raised}."
    raised = _raised(run.record("dönem"))
    if raised:
        return f"load_checkpoint hata fırlattı: {raised}."
    for check in CHECKS[run.name]:
        problem = check(run)
        if problem:
            return problem
    return None


GRADER = LoopGrader(
    symbols=["save_checkpoint", "load_checkpoint"],
    reference={
        "save_checkpoint": reference_save_checkpoint,
        "load_checkpoint": reference_load_checkpoint,
    },
    judge=judge,
    cases=[
        # These two read only what the learner's process recorded: no reference run.
        LoopCase(
            "weights_only=True ile açılır", lambda g: _script(g, resume=False), reference=False
        ),
        LoopCase(
            "dönem numarası",
            lambda g: _script(g, resume=False, inspect=False),
            reference=False,
        ),
        LoopCase("model yüklenir", lambda g: _script(g, resume=False, inspect=False)),
        LoopCase("eniyileyici yüklenir", lambda g: _script(g, resume=False)),
        LoopCase("kesintisiz eğitimle aynı yol", _script),
        LoopCase("SGD momentumu ile", lambda g: _script(g, "SGD")),
    ],
)
