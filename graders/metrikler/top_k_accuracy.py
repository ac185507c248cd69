"""Değerlendirici: top_k_accuracy (doğru sınıf en büyük k logit değeri arasında mı?)."""

import torch

from tutor.grading.spec import Case, FunctionGrader, inputs


def reference_top_k_accuracy(logits: torch.Tensor, target: torch.Tensor, k: int) -> float:
    """`torch.topk` ile: eşitlikleri PyTorch nasıl çözüyorsa öyle."""
    top_classes = torch.topk(logits, k, dim=1).indices
    hit = (top_classes == target.unsqueeze(1)).any(dim=1)
    return hit.double().mean().item()


def _random(g, n, c, k, dtype=torch.float32):
    """Hedefle ilişkili logit değerleri: sonuç 0 ya da 1'e yapışmaz."""
    target = g.randint(0, c, n)
    logits = g.randn(n, c, dtype=dtype, scale=1.5)
    logits[torch.arange(n), target] += 1.0
    return inputs(logits, target, k)


def _random_shape(g):
    classes = g.integer(2, 20)
    return _random(g, g.integer(20, 150), classes, g.integer(1, classes))


def _ties():
    # Her satırda k sınırında eşitlik var; torch.topk seçimini yapınca doğru sınıf bazen içeride,
    # bazen dışarıda kalır; "kesin büyük olanları say" kuralı ise hepsini içeride sayar.
    logits = torch.tensor(
        [
            [2.0, 2.0, 2.0, 2.0, 2.0],
            [2.0, 2.0, 2.0, 2.0, 2.0],
            [0.0, 1.0, 1.0, 1.0, 0.0],
            [3.0, 1.0, 1.0, 1.0, 1.0],
            [0.0, 0.0, 0.0, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.0, 0.0],
        ]
    )
    return inputs(logits, torch.tensor([0, 2, 1, 4, 1, 3]), 2)


GRADER = FunctionGrader(
    symbol="top_k_accuracy",
    arg_names=("logits", "target", "k"),
    reference=reference_top_k_accuracy,
    check_grad=False,
    cases=[
        Case(
            "küçük yığın (8 örnek, 5 sınıf, k = 2)",
            lambda g: _random(g, 8, 5, 2),
            note=(
                "Her örnek en çok bir kez sayılır: doğru sınıf en büyük k logit değeri "
                "arasındaysa 1, değilse 0; sonuç bunların N örnek üzerindeki ortalamasıdır "
                "((N, k) eşleşme tablosunun ortalaması N·k'ya böler). `argsort` varsayılan "
                "olarak küçükten büyüğe sıralar: en büyük k değer için `topk` ya da "
                "`descending=True` kullanın. Sonuç bir Python sayısı (`float`) olmalı; 0 "
                "boyutlu tensörü `.item()` ile çevirin."
            ),
        ),
        Case(
            "k = 1 (olağan doğruluk)",
            lambda g: _random(g, 10, 4, 1),
            note="k = 1'de top-k doğruluğu, argmax ile hesaplanan olağan doğruluktur.",
        ),
        Case(
            "k = C (her örnek doğru)",
            lambda g: _random(g, 7, 4, 4),
            note=(
                "k sınıf sayısına eşitse her sınıf ilk k içindedir: sonuç 1.0. Burada kalan "
                "bir çözüm `k` argümanını kullanmıyordur (ör. yalnızca argmax'a bakıyordur)."
            ),
        ),
        Case(
            "eşit logit değerleri (k sınırında eşitlik)",
            lambda g: _ties(),
            note=(
                "Eşit logit değerlerinde hangi sınıfların ilk k'ya girdiğini `torch.topk` "
                "belirler; `topk` kullanın. 'Doğru sınıftan kesin büyük olan sınıfların sayısı "
                "k'dan az mı?' kuralı eşitlikleri hep lehine sayar; `sort` ve `argsort` da "
                "eşitlikleri `topk` gibi sıralamayabilir."
            ),
        ),
        Case(
            "tamsayı logit değerleri (çok sayıda eşitlik)",
            lambda g: inputs(g.randint(0, 3, 12, 6).float(), g.randint(0, 6, 12), 3),
            repeat=2,
        ),
        Case("tek örnek (N = 1, k = 3)", lambda g: _random(g, 1, 8, 3)),
        Case("float64 logit değerleri", lambda g: _random(g, 9, 6, 2, dtype=torch.float64)),
        Case(
            "rastgele şekil",
            _random_shape,
            repeat=3,
        ),
    ],
)
