"""Grader for `simple_cnn` — a SPECIFICATION for the lead; the loop grader does not exist yet.

What the learner hands in
-------------------------
`class SimpleCNN(nn.Module)` with `__init__(self, in_channels=1, num_classes=10)` and
`forward(x)`: `x` is `(N, in_channels, 28, 28)` float32, the result is `(N, num_classes)` raw
logits (no ReLU, sigmoid or softmax after the last layer). The statement asks for
conv → ReLU → pool, twice, then a linear head; any layer sizes are allowed as long as the checks
below pass. Nothing is forbidden (`nn.Conv2d`, `nn.MaxPool2d`, `nn.Linear` are the point here).
The lesson declares `timeout_s: 120` for this exercise (the default 10 s is too short for
training on a loaded machine; see "Budget").

Data (drawn on the trusted side from the case seed; `make_shape_images` below is the exact
generator that the numbers in this docstring were measured with)
---------------------------------------------------------------------------------------------
28×28 images of one white shape on a dark, noisy background. Class `k` is the k-th entry of
`SHAPES` (horizontal bar, vertical bar, plus, X, ring, filled square, triangle, diagonal line,
square outline, disk); the most distinct shapes come first, so the grader's 6-class task uses
bars, plus, X, ring and filled square. Per image, all from one `torch.Generator`:
the label uniform over `num_classes`; half-size `r ~ U(5, 9)`; centre uniform where the shape
fits (`r + 1 ≤ c ≤ 26 − r`); brightness `U(0.6, 1.0)`, the same in every channel; then
Gaussian noise with σ = 0.1 on every pixel of every channel. Train set: 2,000 images;
held-out set: 1,000 images from a separate generator (`case seed + 1`).

The held-out images go to the learner's process WITHOUT labels (it must return logits for
them); the held-out labels stay on the trusted side, which computes the accuracy itself. The
train images and labels are given to the learner's process, since the driver trains there.

Training (engine-side driver code in the learner's process, not the learner's code)
-------------------------------------------------------------------------------------
`torch.set_num_threads(1)`; `torch.manual_seed(case seed)`; `model = SimpleCNN(in_channels=1,
num_classes=6)`; `torch.optim.Adam(model.parameters(), lr=3e-3)`; `nn.CrossEntropyLoss()`;
5 epochs over the 2,000 training images in shuffled mini-batches of 64 (shuffle from a
`torch.Generator` seeded with the case seed); `model.train()` while training; then
`model.eval()` and `torch.no_grad()` for the held-out logits (in chunks of 250). The driver
returns: the held-out logits `(1000, 6)`, the training loss per epoch (shown as a curve: the
`Outcome.series` field), the CPU time of training, and the parameter shapes
(`{name: shape}` from `model.named_parameters()`).

Budget
------
Training is bounded by CPU time, not wall time, because a classroom or CI machine may be
shared: at most 20 s of the learner process's CPU time (`time.process_time()`, read by the
driver after every mini-batch; past it, stop and fail with OVER_BUDGET below). The exercise's
`timeout_s: 120` is only the hard stop. Measured on this project's 2-core machine while ~7
other processes were running (load average 7), one thread, 5 seeds each, training only:

| network | parameters (6 classes) | CPU time | wall time | held-out accuracy |
| --- | --- | --- | --- | --- |
| reference solution, 16/32 channels, 3×3, padding 1 | 14,214 | 5.4–6.0 s | 19–29 s | 0.987–0.995 |
| LeNet-like, 6/16 channels, 5×5, no padding | 4,114 | 2.4–2.5 s | 11–19 s | 0.984–0.996 |
| 8/16 channels, 3×3, padding 1 | 5,958 | 2.7–3.1 s | 8–18 s | 0.960–0.978 |
| 4/8 channels, 3×3, padding 1 | 2,694 | 1.7–2.1 s | 2–8 s | 0.903–0.949 |
| 32/64 channels, 3×3, padding 1 | 37,638 | 10.3–12.2 s | 12–18 s | 0.991–0.997 |

Wall time under load is up to 10× the CPU time, which is why the budget is CPU time. 20 s of
CPU time leaves room for the larger networks that the 100,000-parameter limit allows. The
threshold 0.9 tests "a working CNN", not a tuned one: every conv → ReLU → pool network above
passes on every seed, the tiniest (4/8 channels) with the least margin.

Start the CPU clock after the optimizer is built. On this machine the first
`torch.optim.Adam(...)` in a fresh process costs 2.3–2.5 s of CPU (it lazily imports ~800
modules: torch._dynamo, sympy, mpmath). The warm worker should build one throwaway optimizer
before it forks, so that neither the budget nor the verdict's latency pays for it.

Checks (Turkish names are the `Check.name`s the wrong submissions in
tests/submissions/simple_cnn/ refer to), in this order, each with its Turkish message
--------------------------------------------------------------------------------------------
1. "çıktı şekli (N, num_classes)": build `SimpleCNN(1, 10)` and `SimpleCNN(3, 7)` (default and
   non-default arguments), run them in eval mode on random `(16, 1, 28, 28)` and
   `(5, 3, 28, 28)` input; each result must be a tensor of shape `(N, num_classes)`. Diagnose,
   from what the driver records:
   - the forward pass raises a RuntimeError in an `nn.Linear` (forward pre-hooks and forward
     hooks on every leaf module record the order in which modules run, each input's shape and
     each output's shape; the last module whose pre-hook ran is the one that raised, its
     `in_features` is in the module, `{got}` is its input's last dimension and `{shape}` the
     last 4-D output seen before it):
     HEAD_SIZE = "Tam bağlı katmanın giriş boyutu evrişim çıktısının boyutuna uymuyor: katman
     {in_features} öznitelik bekliyor, düzleştirilmiş evrişim çıktısı {got} öznitelik
     ({shape} şeklinden). 28×28 girdi, 2×2'lik iki havuzlamadan sonra 7×7 olur (dolgusuz 3×3
     evrişimlerle 5×5); giriş boyutu kanal × yükseklik × genişliktir."
   - the first `nn.Conv2d` to run raises because of the channel count (its `in_channels` ≠
     the input's channel dimension): IN_CHANNELS = "İlk evrişim katmanı {expected} kanal
     bekliyor, girdi {got} kanallı: `in_channels` argümanını ilk `nn.Conv2d` katmanına verin."
   - an output of shape `(N, K')` with `K' ≠ num_classes`: NUM_CLASSES = "Çıktı şekli farklı;
     beklenen {expected}, gelen {actual}: `num_classes` argümanını son `nn.Linear`
     katmanının çıkış boyutu olarak kullanın."
   - the first module to run that has parameters is not an `nn.Conv2d`, or the first
     `nn.Conv2d` receives an input that is not 4-D: see check 3 (report it there too; here the
     generic message is enough).
   - `__init__` raises (e.g. "cannot assign module before Module.__init__() call") → the
     ordinary `exception` error kind with Python's message, as today.
2. "parametre sayısı (< 100.000)": the sum of the numels of the returned parameter shapes
   must be < 100,000 for `SimpleCNN(1, 10)`. TOO_MANY_PARAMETERS = "Modelin {count}
   parametresi var; 100.000'den az olmalı. Parametrelerin çoğu genellikle tam bağlı
   katmandadır ({largest_name}: {largest_count}): havuzlamayla uzamsal boyutu küçültün,
   kanal sayısını azaltın ya da gizli tam bağlı katmanı kaldırın."
3. "evrişimden önce düzleştirme yok": the model contains at least two `nn.Conv2d` modules, the
   first module with parameters to run in the forward pass is an `nn.Conv2d`, and it receives
   a 4-D input (forward pre-hooks record the order and the input's `ndim`; hooks run in the
   learner's process, so this check can only add reasons to fail).
   - fewer than two Conv2d: TOO_FEW_CONVS = "Modelde {count} evrişim katmanı (`nn.Conv2d`)
     var; en az iki tane olmalı: evrişim → ReLU → havuzlama, iki kez, sonra tam bağlı katman."
   - the first Conv2d gets a non-4-D input (raises "Expected 3D (unbatched) or 4D (batched)
     input to conv2d"), or a Linear runs before any Conv2d: FLATTEN_FIRST = "Girdi evrişim
     katmanlarından önce düzleştirilmiş: evrişimler (N, C, H, W) şeklinde 4 boyutlu girdi
     ister. Düzleştirmeyi (`flatten`) evrişim ve havuzlamadan sonra, tam bağlı katmandan hemen
     önce yapın."
4. "logit değerleri (son katmandan sonra aktivasyon yok)": on the outputs of check 1 (fresh,
   untrained `SimpleCNN(1, 10)`, 16 random images, so 160 values):
   - every value ≥ 0 and at least one exactly 0: RELU_ON_LOGITS = "Çıktıda negatif değer yok ve
     bazı değerler tam 0: son katmandan sonra ReLU uygulanmış. Logit değerleri negatif de
     olabilmeli; son `nn.Linear` katmanının çıktısını olduğu gibi döndürün."
   - every value in [0, 1] and each row sums to 1 (atol 1e-4): SOFTMAX_ON_LOGITS = "Her satırın
     toplamı 1: model olasılık döndürüyor, logit değeri değil. Softmax'i modelden çıkarın;
     `nn.CrossEntropyLoss` onu kendi içinde uygular, tahmin için `argmax` logit değerleri
     üzerinde de aynı sonucu verir."
   - every value in (0, 1) but rows not summing to 1: SIGMOID_ON_LOGITS = "Bütün değerler 0 ile
     1 arasında: son katmandan sonra sigmoid uygulanmış. Çok sınıflı sınıflandırmada model
     ham logit değerleri döndürür."
5. "eğitim: ayrı tutulan görüntülerde doğruluk ≥ 0.9": accuracy of `argmax(held-out logits)`
   against the held-out labels, computed on the trusted side, must be ≥ 0.9. LOW_ACCURACY =
   "Değerlendiricinin eğitiminden sonra ayrı tutulan {n} görüntüde doğruluk {accuracy:.3f};
   en az 0.900 olmalı. Dönem başına eğitim kaybı: {losses}. Kayıp düşmüyorsa katmanların
   sırasına (evrişim → ReLU → havuzlama) ve son katmandan sonra aktivasyon olmadığına bakın."
   Over the budget: OVER_BUDGET = "Eğitim {budget} saniyelik işlemci süresi bütçesine
   sığmadı ({epochs} dönemden {done} tanesi bitti): model bu küçük görüntüler için fazla
   büyük. Kanal sayısını azaltın."
   Show the per-epoch loss as the check's series (as the loop graders do).

Checks 1–4 need no training and take well under a second. Train only when all four pass;
otherwise mark check 5 as not reached ("bu denetime sıra gelmedi": the model already fails,
and training a 400,000-parameter network or an MLP would only make the verdict slow). This
also keeps tests/test_wrong_submissions.py fast: every wrong submission below fails in
checks 1–4 or at construction.

Trust notes. The pass rests on the held-out labels, which never enter the learner's process.
A learner who trains longer or differently inside `__init__` still has to classify unseen
images, which is the task. The parameter shapes come from the learner's process (the trusted
side sums them itself, but a model could keep weights outside `nn.Parameter`); the limit is
a teaching constraint, not a security boundary. The structure checks (hooks) can be tampered
with by the learner's code; they only add reasons to fail.

Where the Turkish messages live: as module constants in the finished grader file (as
graders/moduller/mlp.py does) or in tutor/messages.py if the loop grader's engine renders
them; the wording above is what tests/submissions/simple_cnn/*.py expect (`beklenen-mesaj`).
"""

from __future__ import annotations

import torch

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


def shape_mask(kind: str, cy: float, cx: float, r: float) -> torch.Tensor:
    """A (28, 28) bool mask of one shape centred at (cy, cx) with half-size r."""
    coords = torch.arange(IMAGE_SIZE, dtype=torch.float32)
    dy = coords.view(-1, 1) - cy
    dx = coords.view(1, -1) - cx
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
        return (distance <= r) & (distance >= r - 1.5)
    if kind == "filled_square":
        return inside_box
    if kind == "triangle":
        return (ady <= r) & (adx <= (dy + r) / 2)
    if kind == "diagonal":
        return ((dy + dx).abs() <= 1.2) & inside_box
    if kind == "square_outline":
        return inside_box & ~((ady <= r - 1.5) & (adx <= r - 1.5))
    if kind == "disk":
        return distance <= r
    raise ValueError(kind)


def make_shape_images(
    n: int, num_classes: int, in_channels: int, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """`n` images `(n, in_channels, 28, 28)` float32 and their labels `(n,)` int64."""
    labels = torch.randint(0, num_classes, (n,), generator=generator)
    draws = torch.rand(n, 4, generator=generator)
    images = torch.zeros(n, in_channels, IMAGE_SIZE, IMAGE_SIZE)
    for i in range(n):
        r = 5 + 4 * draws[i, 0].item()
        free = IMAGE_SIZE - 2 * r - 3
        cy = r + 1 + free * draws[i, 1].item()
        cx = r + 1 + free * draws[i, 2].item()
        brightness = 0.6 + 0.4 * draws[i, 3].item()
        images[i] = shape_mask(SHAPES[int(labels[i])], cy, cx, r).float() * brightness
    images += NOISE_STD * torch.randn(images.shape, generator=generator)
    return images, labels


raise NotImplementedError("grader to be written by the lead")
