"""Değerlendirici: simple_cnn (küçük bir evrişimli ağ, değerlendiricinin eğitimiyle).

Öğrencinin `SimpleCNN(in_channels=1, num_classes=10)` sınıfından iki ağ kurulur: varsayılan
argümanlarla ve `SimpleCNN(3, 7)` ile. Her biri değerlendirme kipinde rastgele görüntülerle
bir kez çalıştırılır; her yaprak modüle takılan kancalar modüllerin çalışma sırasını, girdi ve
çıktı şekillerini kaydeder. Bunlardan çıktı şekli, parametre sayısı (< 100.000), evrişimlerden
önce düzleştirme olmadığı ve son katmandan sonra aktivasyon olmadığı denetlenir; tam bağlı
katmanın yanlış giriş boyutu ve yanlış kanal sayısı adıyla söylenir. Bunların hepsi geçerse
motor `SimpleCNN(1, 6)`'yı sabit bir tarifle (Adam, 5 dönem, işlemci süresi bütçesiyle) tohumdan
çizilen sentetik şekil görüntüleriyle eğitir; eğitilen model, eğitimi hiç görmemiş yeni bir
süreçte ayrı tutulan görüntüler için tahmin yapar. Etiketler öğrencinin sürecine hiç girmez;
doğruluk (≥ 0.9) değerlendirme işinde hesaplanır. Dönem başına eğitim kaybı eğri olarak
gösterilir.

For pack authors: the images are drawn on the trusted side by `make_shape_images` (28×28, one
bright shape on a noisy background; the graded task uses the first six shapes); 2,000 training
images and 1,000 held-out images from a separate generator. Training is the engine's `train`
op: one thread, Adam lr 3e-3, 5 epochs, mini-batches of 64, at most 20 s of the learner
process's CPU time (the exercise declares timeout_s: 120 as the hard stop). Measured for the
spec (2-core machine, load ~7, one thread): the reference network (16/32 channels, 14,214
parameters) trains in 5.4–6.0 s of CPU time to 0.987–0.995 held-out accuracy; a 4/8-channel
network (2,694 parameters) still reaches 0.903–0.949. The shape and structure checks run in
the learner's process through `cnn_findings` (tutor/grading/driver/script.py), which the judge
applies again to the same records; a network is trained only when all of them pass.
"""

from __future__ import annotations

import torch

from tutor.grading.driver import script as S
from tutor.grading.loops import (
    LoopCase,
    LoopGrader,
    Outcome,
    Run,
    Script,
    ref,
    stage_value,
    tensor_of,
)
from tutor.numbers import decimal

IMAGE_SIZE = 28
NOISE_STD = 0.1
TRAIN_IMAGES = 2000
HELD_OUT_IMAGES = 1000
GRADED_CLASSES = 6
EPOCHS = 5
BATCH_SIZE = 64
LEARNING_RATE = 3e-3
TRAIN_CPU_BUDGET_S = 20.0
MIN_ACCURACY = 0.9
MAX_PARAMETERS = 100_000

SHAPES = (
    "horizontal_bar",
    "vertical_bar",
    "plus",
    "x",
    "ring",
    "filled_square",
    "triangle",
    "diagonal",
    "square_outline",
    "disk",
)


def shape_masks(
    kind: str, cy: torch.Tensor, cx: torch.Tensor, r: torch.Tensor, inner: torch.Tensor
) -> torch.Tensor:
    """`(n, 28, 28)` bool masks of one kind of shape, centred at `(cy, cx)` with half-size `r`
    (`inner` = r − 1.5, the hole of a ring or a square outline); all `(n,)` float32."""
    coords = torch.arange(IMAGE_SIZE, dtype=torch.float32)
    dy = coords.view(1, -1, 1) - cy.view(-1, 1, 1)
    dx = coords.view(1, 1, -1) - cx.view(-1, 1, 1)
    r, inner = r.view(-1, 1, 1), inner.view(-1, 1, 1)
    ady, adx = dy.abs(), dx.abs()
    inside_box = (ady <= r) & (adx <= r)
    distance = (dy**2 + dx**2).sqrt()
    if kind == "horizontal_bar":
        return (ady <= 1.25) & (adx <= r)
    if kind == "vertical_bar":
        return (adx <= 1.25) & (ady <= r)
    if kind == "plus":
        return ((ady <= 1) & (adx <= r)) | ((adx <= 1) & (ady <= r))
    if kind == "x":
        return (((dy - dx).abs() <= 1.2) | ((dy + dx).abs() <= 1.2)) & inside_box
    if kind == "ring":
        return (distance <= r) & (distance >= inner)
    if kind == "filled_square":
        return inside_box
    if kind == "triangle":
        return (ady <= r) & (adx <= (dy + r) / 2)
    if kind == "diagonal":
        return ((dy + dx).abs() <= 1.2) & inside_box
    if kind == "square_outline":
        return inside_box & ~((ady <= inner) & (adx <= inner))
    if kind == "disk":
        return distance <= r
    raise ValueError(kind)


def make_shape_images(
    n: int, num_classes: int, in_channels: int, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """`n` images `(n, in_channels, 28, 28)` float32 and their labels `(n,)` int64.

    Per image: the label uniform over `num_classes`; half-size r ~ U(5, 9); the centre uniform
    where the shape fits (r + 1 ≤ c ≤ 26 − r); brightness U(0.6, 1.0), the same in every
    channel; then Gaussian noise with σ = 0.1 on every pixel. (The same numbers, bit for bit, as
    the image-by-image generator the spec's measurements used, computed a class at a time.)"""
    labels = torch.randint(0, num_classes, (n,), generator=generator)
    draws = torch.rand(n, 4, generator=generator).double()
    r = 5 + 4 * draws[:, 0]
    free = IMAGE_SIZE - 2 * r - 3
    cy = r + 1 + free * draws[:, 1]
    cx = r + 1 + free * draws[:, 2]
    brightness = (0.6 + 0.4 * draws[:, 3]).float()
    images = torch.zeros(n, in_channels, IMAGE_SIZE, IMAGE_SIZE)
    for k in range(num_classes):
        chosen = (labels == k).nonzero().flatten()
        if len(chosen) == 0:
            continue
        masks = shape_masks(
            SHAPES[k],
            cy[chosen].float(),
            cx[chosen].float(),
            r[chosen].float(),
            (r[chosen] - 1.5).float(),
        )
        shapes = masks.float() * brightness[chosen].view(-1, 1, 1)
        images[chosen] = shapes.unsqueeze(1).expand(-1, in_channels, -1, -1)
    images += NOISE_STD * torch.randn(images.shape, generator=generator)
    return images, labels


# --- scripts --------------------------------------------------------------------------------

# The two networks every case builds and traces: default arguments on 16 one-channel images,
# and SimpleCNN(3, 7) on 5 three-channel images.
TRACES = ["iz:varsayılan", "iz:3x7"]
EXPECTED = [[16, 10], [5, 7]]
CALLS = ["SimpleCNN()", "SimpleCNN(3, 7)"]
INPUTS = ["(16, 1, 28, 28)", "(5, 3, 28, 28)"]
SHAPES_RECORD = "parametre_şekilleri"


def _probe(g) -> list[dict]:
    seed = g.integer(0, 2**31 - 1)
    return [
        {"op": "seed", "value": seed},
        {"op": "call", "fn": "SimpleCNN", "as": "varsayılan"},
        {"op": "to_device", "target": ref("varsayılan")},
        {"op": "trace", "model": ref("varsayılan"), "x": g.randn(16, 1, 28, 28), "record": TRACES[0]},
        {"op": "param_shapes", "target": ref("varsayılan"), "record": SHAPES_RECORD},
        {"op": "seed", "value": seed + 1},
        {"op": "call", "fn": "SimpleCNN", "args": [3, 7], "as": "renkli"},
        {"op": "to_device", "target": ref("renkli")},
        {"op": "trace", "model": ref("renkli"), "x": g.randn(5, 3, 28, 28), "record": TRACES[1]},
    ]  # fmt: skip


def _structure_script(g) -> Script:
    return Script(_probe(g))


def _training_script(g) -> Script:
    ops = _probe(g)
    seed = g.integer(0, 2**31 - 1)
    x, y = make_shape_images(TRAIN_IMAGES, GRADED_CLASSES, 1, torch.Generator().manual_seed(seed))
    held_x, held_y = make_shape_images(
        HELD_OUT_IMAGES, GRADED_CLASSES, 1, torch.Generator().manual_seed(seed + 1)
    )
    train = {
        "op": "train",
        "model": ref("model"),
        "x": x,
        "y": y,
        "seed": seed,
        "epochs": EPOCHS,
        "batch_size": BATCH_SIZE,
        "optimizer": "Adam",
        "optimizer_kwargs": {"lr": LEARNING_RATE},
        "loss": "CrossEntropyLoss",
        "budget_cpu_s": TRAIN_CPU_BUDGET_S,
        "record": "eğitim",
    }
    ops += [
        {
            "op": "cnn_gate",
            "traces": TRACES,
            "expected": EXPECTED,
            "shapes": SHAPES_RECORD,
            "max_params": MAX_PARAMETERS,
            "record": "eğitilebilir",
        },
        {
            "op": "if",
            "record": "eğitilebilir",
            "ops": [
                {"op": "seed", "value": seed},
                {"op": "call", "fn": "SimpleCNN", "args": [1, GRADED_CLASSES], "as": "model"},
                {"op": "to_device", "target": ref("model")},
                train,
                {"op": "export", "target": ref("model"), "record": "eğitilen_model"},
            ],
        },
    ]
    # In a fresh process that never trained: the held-out images, without their labels.
    then = [
        {
            "op": "if",
            "value": stage_value("eğitilen_model"),
            "keys": ["blob", "object"],
            "ops": [
                {"op": "import", "value": stage_value("eğitilen_model"), "as": "model"},
                {"op": "to_device", "target": ref("model")},
                {
                    "op": "predict",
                    "model": ref("model"),
                    "x": held_x,
                    "chunk": 250,
                    "record": "tahminler",
                },
            ],
        }  # fmt: skip
    ]
    return Script(ops, then=then, secret={"labels": held_y}, then_if="eğitilen_model")


# --- messages (Turkish) ---------------------------------------------------------------------

TRIED = " Denenen: {call}, girdi {shape}."
HEAD_SIZE = (
    "Tam bağlı katmanın giriş boyutu evrişim çıktısının boyutuna uymuyor: katman {in_features} "
    "öznitelik bekliyor, düzleştirilmiş evrişim çıktısı {got} öznitelik{source}. 28×28 girdi, "
    "2×2'lik iki havuzlamadan sonra 7×7 olur (dolgusuz 3×3 evrişimlerle 5×5); giriş boyutu "
    "kanal × yükseklik × genişliktir."
)
HEAD_SOURCE = " ({shape} şeklinden)"
NOT_FLATTENED = (
    "Tam bağlı katmana düzleştirilmemiş bir girdi geldi ({shape} şeklinde): `nn.Linear` yalnızca "
    "son boyutu öznitelik olarak alır. Evrişim çıktısını tam bağlı katmandan önce `flatten(1)` "
    "(ya da `nn.Flatten()`) ile (N, kanal × yükseklik × genişlik) şekline getirin."
)
IN_CHANNELS = (
    "İlk evrişim katmanı {expected} kanal bekliyor, girdi {got} kanallı: `in_channels` "
    "argümanını ilk `nn.Conv2d` katmanına verin."
)
NUM_CLASSES = (
    "Çıktı şekli farklı; beklenen {expected}, gelen {actual}: `num_classes` argümanını son "
    "`nn.Linear` katmanının çıkış boyutu olarak kullanın."
)
SHAPE = (
    "Çıktı şekli farklı; beklenen {expected}, gelen {actual}: model (N, num_classes) şeklinde "
    "logit değerleri döndürmeli."
)
NOT_TENSOR = "Model bir tensör döndürmeli: (N, num_classes) şeklinde logit değerleri."
CONV_INPUT = (
    "`{module}` evrişim katmanına {shape} şeklinde bir girdi geldi; evrişimler (N, C, H, W) "
    "şeklinde 4 boyutlu girdi ister: girdiyi evrişimlerden önce düzleştirmeyin."
)
RAISED = "İleri geçiş hata verdi{where}: {kind}: {message}."
RAISED_WHERE = " (`{module}` katmanında)"
TOO_MANY_PARAMETERS = (
    "Modelin {count} parametresi var; 100.000'den az olmalı. Parametrelerin çoğu genellikle tam "
    "bağlı katmandadır ({largest}: {largest_count}): havuzlamayla uzamsal boyutu küçültün, kanal "
    "sayısını azaltın ya da gizli tam bağlı katmanı kaldırın."
)
TOO_FEW_CONVS = (
    "Modelde {count} evrişim katmanı (`nn.Conv2d`) var; en az iki tane olmalı: evrişim → ReLU → "
    "havuzlama, iki kez, sonra tam bağlı katman."
)
FLATTEN_FIRST = (
    "Girdi evrişim katmanlarından önce düzleştirilmiş: evrişimler (N, C, H, W) şeklinde 4 "
    "boyutlu girdi ister. Düzleştirmeyi (`flatten`) evrişim ve havuzlamadan sonra, tam bağlı "
    "katmandan hemen önce yapın."
)
RELU_ON_LOGITS = (
    "Çıktıda negatif değer yok ve bazı değerler tam 0: son katmandan sonra ReLU uygulanmış. "
    "Logit değerleri negatif de olabilmeli; son `nn.Linear` katmanının çıktısını olduğu gibi "
    "döndürün."
)
SOFTMAX_ON_LOGITS = (
    "Her satırın toplamı 1: model olasılık döndürüyor, logit değeri değil. Softmax'i modelden "
    "çıkarın; `nn.CrossEntropyLoss` onu kendi içinde uygular, tahmin için `argmax` logit "
    "değerleri üzerinde de aynı sonucu verir."
)
SIGMOID_ON_LOGITS = (
    "Bütün değerler 0 ile 1 arasında: son katmandan sonra sigmoid uygulanmış. Çok sınıflı "
    "sınıflandırmada model ham logit değerleri döndürür."
)
NO_LOGITS = (
    "Logit değerlerine bakılamadı: SimpleCNN() (N, num_classes) şeklinde bir çıktı vermedi; önce "
    "çıktı şekli denetimindeki sorunu düzeltin."
)
NOT_TRAINED = (
    "Model eğitilmedi: şu denetimler geçmedi: {names}. Değerlendirici ağı ancak onların hepsi "
    "geçince eğitir."
)
LOW_ACCURACY = (
    "Değerlendiricinin eğitiminden sonra ayrı tutulan {n} görüntüde doğruluk %{accuracy}; en "
    "az %{least:g} olmalı. Dönem başına eğitim kaybı: {losses}. Kayıp düşmüyorsa katmanların sırasına "
    "(evrişim → ReLU → havuzlama) ve son katmandan sonra aktivasyon olmadığına bakın."
)
OVER_BUDGET = (
    "Eğitim {budget:g} saniyelik işlemci süresi bütçesine sığmadı ({epochs} dönemden {done} "
    "tanesi bitti): model bu küçük görüntüler için fazla büyük. Kanal sayısını azaltın."
)
NOT_EXPORTED = (
    "Eğitilen model, ayrı tutulan görüntülerle denenmek üzere yeni bir sürece aktarılamadı "
    "({why}). Modelin bütün parçaları `nn.Module` öznitelikleri olmalı (lambda ya da açık dosya "
    "tutmayın)."
)
PREDICT_RAISED = (
    "Eğitilen model ayrı tutulan görüntülerde tahmin yaparken hata verdi: {kind}: {message}"
)
PREDICT_SHAPE = (
    "Ayrı tutulan {n} görüntü için ({n}, {k}) şeklinde logit değerleri bekleniyordu, {actual} "
    "geldi."
)
ACCURACY = "Ayrı tutulan {n} görüntüde doğruluk %{accuracy}."

CHECKS = {
    "shape": "çıktı şekli (N, num_classes)",
    "params": "parametre sayısı (< 100.000)",
    "structure": "evrişimden önce düzleştirme yok",
    "logits": "logit değerleri (son katmandan sonra aktivasyon yok)",
}
TRAINING = "eğitim: ayrı tutulan görüntülerde doğruluk ≥ 0.9"


def _shape(shape) -> str:
    return "(" + ", ".join(str(d) for d in shape) + ")" if isinstance(shape, list) else "?"


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _shape_message(found: dict) -> str:
    code = found["code"]
    if code == "head_size":
        source = HEAD_SOURCE.format(shape=_shape(found["shape"])) if found.get("shape") else ""
        message = HEAD_SIZE.format(
            in_features=found["in_features"], got=found["got"], source=source
        )
    elif code == "not_flattened":
        message = NOT_FLATTENED.format(shape=_shape(found["shape"]))
    elif code == "in_channels":
        message = IN_CHANNELS.format(expected=found["expected"], got=found["got"])
    elif code == "num_classes":
        message = NUM_CLASSES.format(
            expected=_shape(found["expected"]), actual=_shape(found["actual"])
        )
    elif code == "shape":
        message = SHAPE.format(expected=_shape(found["expected"]), actual=_shape(found["actual"]))
    elif code == "conv_input":
        message = CONV_INPUT.format(module=found["module"], shape=_shape(found["shape"]))
    elif code == "not_tensor":
        message = NOT_TENSOR
    else:
        where = RAISED_WHERE.format(module=found["module"]) if found.get("module") else ""
        text = found["message"].rstrip().rstrip(".")
        message = RAISED.format(where=where, kind=found["type"], message=text)
    which = EXPECTED.index(found["call"]) if found.get("call") in EXPECTED else 0
    return message + TRIED.format(call=CALLS[which], shape=INPUTS[which])


def _message(key: str, found: dict) -> str:
    if key == "shape":
        return _shape_message(found)
    if key == "params":
        return TOO_MANY_PARAMETERS.format(
            count=_thousands(found["count"]),
            largest=found["largest"],
            largest_count=_thousands(found["largest_count"]),
        )
    if key == "structure":
        if found["code"] == "too_few_convs":
            return TOO_FEW_CONVS.format(count=found["count"])
        return FLATTEN_FIRST
    return {
        "relu": RELU_ON_LOGITS,
        "softmax": SOFTMAX_ON_LOGITS,
        "sigmoid": SIGMOID_ON_LOGITS,
    }.get(found["code"], NO_LOGITS)


def judge(run: Run) -> str | Outcome | None:
    traces = [run.record(name) or {} for name in TRACES]
    found = S.cnn_findings(traces, EXPECTED, run.record(SHAPES_RECORD) or {}, MAX_PARAMETERS)
    key = run.data["check"]
    if key != "training":
        return _message(key, found[key]) if found[key] else None
    failed = [CHECKS[k] for k, v in found.items() if v]
    if failed:
        return NOT_TRAINED.format(names=", ".join(f"«{name}»" for name in failed))
    return _training_verdict(run)


def _training_verdict(run: Run) -> str | Outcome:
    trained = run.record("eğitim")
    if not isinstance(trained, dict):
        return NOT_TRAINED.format(names="?")
    losses = [float(v) for v in trained.get("losses", []) if isinstance(v, (int, float))]
    shown = ", ".join(f"{v:.3f}" for v in losses)
    if trained.get("over_budget"):
        done = max(len(losses) - 1, 0)
        message = OVER_BUDGET.format(budget=TRAIN_CPU_BUDGET_S, epochs=EPOCHS, done=done)
        return Outcome(False, message, series=losses)
    exported = run.record("eğitilen_model")
    if isinstance(exported, dict) and ("unpicklable" in exported or "too_large" in exported):
        why = exported.get("unpicklable") or f"{exported['too_large']} bayt"
        return Outcome(False, NOT_EXPORTED.format(why=why), series=losses)
    predicted = run.record("tahminler")
    if isinstance(predicted, dict) and "raised" in predicted:
        message = PREDICT_RAISED.format(kind=predicted["raised"], message=predicted["message"])
        return Outcome(False, message, series=losses)
    logits = tensor_of(predicted)
    labels = run.secret["labels"]
    n = len(labels)
    if logits is None or list(logits.shape) != [n, GRADED_CLASSES]:
        actual = _shape(list(logits.shape)) if logits is not None else "?"
        message = PREDICT_SHAPE.format(n=n, k=GRADED_CLASSES, actual=actual)
        return Outcome(False, message, series=losses)
    accuracy = float((logits.argmax(dim=1) == labels).float().mean())
    if accuracy < MIN_ACCURACY:
        message = LOW_ACCURACY.format(
            n=n, accuracy=decimal(100 * accuracy, 1), least=100 * MIN_ACCURACY, losses=shown or "?"
        )
        return Outcome(False, message, series=losses)
    return Outcome(True, ACCURACY.format(n=n, accuracy=decimal(100 * accuracy, 1)), series=losses)


GRADER = LoopGrader(
    symbols=["SimpleCNN"],
    reference=None,
    judge=judge,
    cases=[
        *[
            LoopCase(name, _structure_script, reference=False, data={"check": key})
            for key, name in CHECKS.items()
        ],
        LoopCase(TRAINING, _training_script, reference=False, data={"check": "training"}),
    ],
)
