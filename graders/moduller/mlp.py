"""Değerlendirici: MLP (28×28 görüntüler için çok katmanlı algılayıcı).

Katman adları serbesttir: öğrencinin parametreleri şekillerine göre aynı katman dizisinin
(Flatten → Linear → ReLU → Linear → ReLU → Linear) katmanlarına eşlenir ve referans,
öğrencinin kendi başlangıç ağırlıklarıyla kurulur.
"""

import torch
from torch import nn

from tutor.grading.compare import RemoteTensor, format_shape
from tutor.grading.modules import ModuleGrader, eval_step, module_case, train_step
from tutor.grading.spec import Case, inputs

SHAPES_WRONG = (
    "Katmanların parametreleri beklenen şekillerde değil. Beklenen (sırayla): {expected}; "
    "sizinkiler: {actual}. Her ağırlık nn.Linear'daki gibi (çıkış, giriş) şeklinde, her sapma "
    "(çıkış,) şeklinde olmalı."
)
MISSING_RELU = (
    "Çıktınız, {which} gizli katmandan sonraki ReLU olmadan hesaplanana eşit. Araya doğrusal "
    "olmayan bir işlem girmezse art arda iki Linear katmanı tek bir Linear katmanına "
    "eşdeğerdir; her gizli Linear katmanından sonra ReLU uygulayın."
)
NOT_FLATTENED = (
    "Girdi düzleştirilmemiş: {shape} girdi Linear katmanlarından olduğu gibi geçmiş ve çıktı "
    "{got} şeklinde kalmış. İlk Linear katmanından önce girdiyi (N, in_features) şekline "
    "getirin (`nn.Flatten()` ya da `x.flatten(1)`)."
)
FIRST = "birinci"
SECOND = "ikinci"
RELU_ON_LOGITS = (
    "Çıktınız, beklenen çıktıya ReLU uygulanmış hâline eşit: son katmandan sonra ReLU "
    "kullanılmış. Logit değerleri negatif de olabilmeli; son Linear katmanının çıktısını "
    "olduğu gibi döndürün (olasılık gerekiyorsa softmax sonra, kayıp fonksiyonunun içinde uygulanır)."
)


def reference_mlp(in_features=784, hidden=512, num_classes=10):
    return nn.Sequential(
        nn.Flatten(),
        nn.Linear(in_features, hidden),
        nn.ReLU(),
        nn.Linear(hidden, hidden),
        nn.ReLU(),
        nn.Linear(hidden, num_classes),
    )


def match_layers(shapes: dict[str, tuple[int, ...]], ref: nn.Module):
    """{referans anahtarı: öğrenci anahtarı}: önce katman katman (aynı modüldeki weight ve bias
    birlikte), olmazsa kayıt sırasıyla aynı şekildeki ilk parametre."""
    ref_shapes = {k: tuple(v.shape) for k, v in ref.state_dict().items()}
    ref_layers = [(k, k.replace("weight", "bias")) for k in ref_shapes if k.endswith("weight")]

    groups: dict[str, list[str]] = {}
    for name in shapes:
        groups.setdefault(name.rpartition(".")[0], []).append(name)
    by_layer = {}
    if len(groups) == len(ref_layers):
        free = dict(groups)
        for wkey, bkey in ref_layers:
            for prefix, names in free.items():
                ws = [n for n in names if len(shapes[n]) == 2]
                bs = [n for n in names if len(shapes[n]) == 1]
                if (
                    len(ws) == 1
                    and len(bs) == 1
                    and len(names) == 2
                    and shapes[ws[0]] == ref_shapes[wkey]
                    and shapes[bs[0]] == ref_shapes[bkey]
                ):
                    by_layer[wkey], by_layer[bkey] = ws[0], bs[0]
                    del free[prefix]
                    break
        if len(by_layer) == len(ref_shapes):
            return by_layer

    by_order, used = {}, set()
    for key, shape in ref_shapes.items():
        found = next((n for n in shapes if n not in used and shapes[n] == shape), None)
        if found is None:
            break
        by_order[key] = found
        used.add(found)
    if len(by_order) == len(ref_shapes) and len(used) == len(shapes):
        return by_order
    return SHAPES_WRONG.format(
        expected=", ".join(format_shape(s) for s in ref_shapes.values()),
        actual=", ".join(f"{n} {format_shape(s)}" for n, s in shapes.items()) or "yok",
    )


def _forward(x, state, relu_after=(True, True)):
    """Referans ağın ileri geçişi; `relu_after` iki gizli katmanın ReLU'sunu açar/kapatır."""
    h = x.flatten(1)
    for layer, relu in zip(("1", "3"), relu_after):
        h = h @ state[f"{layer}.weight"].T + state[f"{layer}.bias"]
        h = h.clamp_min(0) if relu else h
    return h @ state["5.weight"].T + state["5.bias"]


def diagnose(ctx):
    """Çıktı farklıysa: son katmandan sonra ReLU mu var, bir gizli katmanın ReLU'su mu eksik?"""
    got, expected = ctx.got, ctx.expected
    if not isinstance(got, RemoteTensor):
        return None
    x = ctx.inputs[0]
    if got.tensor.shape != expected.shape:
        kept = (*x.shape[:-1], expected.shape[-1])
        if x.dim() > 2 and tuple(got.tensor.shape) == kept:
            return NOT_FLATTENED.format(
                shape=format_shape(x.shape), got=format_shape(got.tensor.shape)
            )
        return None
    y = got.tensor.double()
    if bool((expected < 0).any()) and torch.allclose(
        y, expected.double().cpu().clamp_min(0), atol=1e-5, rtol=1e-4
    ):
        return RELU_ON_LOGITS
    x = x.double().cpu()
    state = {k: v.double().cpu() for k, v in ctx.state.items()}
    for which, relu_after in ((SECOND, (True, False)), (FIRST, (False, True))):
        if torch.allclose(y, _forward(x, state, relu_after), atol=1e-5, rtol=1e-4):
            return MISSING_RELU.format(which=which)
    return None


def _images(g, n, *init, shape=(1, 28, 28)):
    x = g.randn(n, *shape)
    return module_case(inputs(*init), train_step(x), eval_step(x))


GRADER = ModuleGrader(
    symbol="MLP",
    reference=reference_mlp,
    init_names=("in_features", "hidden", "num_classes"),
    state_map=match_layers,
    diagnose=diagnose,
    cases=[
        Case(
            "varsayılan boyutlar, (N, 1, 28, 28) girdi",
            lambda g: module_case(inputs(), train_step(g.randn(4, 1, 28, 28))),
            note="Varsayılan boyutlarda (784 → 512 → 512 → 10) 669.706 parametre olmalı.",
        ),
        Case(
            "varsayılan boyutlar, (N, 784) girdi",
            lambda g: module_case(inputs(), eval_step(g.randn(3, 784))),
        ),
        Case(
            "küçük boyutlar (12 → 7 → 3), (N, 12) girdi",
            lambda g: _images(g, 5, 12, 7, 3, shape=(12,)),
            note="in_features, hidden ve num_classes argümanlarını kullanın; 784 ya da 512 yazmayın.",
        ),
        Case("küçük boyutlar, (N, 3, 4) girdi", lambda g: _images(g, 4, 12, 7, 3, shape=(3, 4))),
        Case("tek örnek (N = 1)", lambda g: _images(g, 1, 20, 9, 4, shape=(20,))),
        Case(
            "state_dict yükleme (load_state_dict)",
            lambda g: module_case(
                inputs(12, 7, 3), train_step(x := g.randn(4, 12)), eval_step(x, reload=True)
            ),
        ),
        Case("tek kanallı girdi (N, 1, 12)", lambda g: _images(g, 3, 12, 7, 3, shape=(1, 12))),
    ],
)
