"""Değerlendirici: accuracy (logit değerlerinden çok sınıflı doğruluk)."""

import torch

from tutor.grading.spec import Case, FunctionGrader, inputs


def reference_accuracy(logits: torch.Tensor, target: torch.Tensor) -> float:
    """Doğruluk: argmax(dim=1) hedefe eşit olan örneklerin oranı (PyTorch yapı taşlarıyla)."""
    return (logits.argmax(dim=1) == target).double().mean().item()


def _random(g, n, c, dtype=torch.float32):
    """Hedefle ilişkili logit değerleri: doğruluk 0 ya da 1'e yapışmaz, çoğunlukla 0.4-0.8 olur."""
    target = g.randint(0, c, n)
    logits = g.randn(n, c, dtype=dtype, scale=1.5)
    logits[torch.arange(n), target] += 1.5
    return inputs(logits, target)


def _square():
    # argmax(dim=1) = [0, 0, 1, 3] (hepsi doğru); argmax(dim=0) = [0, 2, 1, 3] (biri yanlış)
    logits = torch.tensor(
        [[3.0, 1.0, 0.0, 0.0], [2.0, 0.0, 1.0, 0.0], [0.0, 4.0, 1.0, 0.0], [1.0, 0.0, 0.0, 2.0]]
    )
    return inputs(logits, torch.tensor([0, 0, 1, 3]))


def _low_probability():
    # 10 sınıf; ilk dört örnekte doğru sınıf en büyük logit değerine sahip ama olasılığı
    # yalnızca ~0.16 ve logit değeri negatif (sigmoid'i de 0.5'in altında); son ikisi yanlış.
    target = torch.tensor([0, 3, 5, 9, 7, 2])
    logits = torch.full((6, 10), -1.0)
    for i in range(4):
        logits[i, target[i]] = -0.5
    logits[4, 3] = 2.0
    logits[5, 8] = 0.3
    return inputs(logits, target)


def _ties():
    # argmax ilk en büyüğü seçer: [0, 0, 1, 0] → 2/4 doğru
    logits = torch.tensor([[1.0, 1.0, 0.0], [2.0, 0.0, 2.0], [0.0, 3.0, 3.0], [1.0, 0.0, 0.0]])
    return inputs(logits, torch.tensor([1, 2, 1, 0]))


GRADER = FunctionGrader(
    symbol="accuracy",
    arg_names=("logits", "target"),
    reference=reference_accuracy,
    check_grad=False,
    cases=[
        Case(
            "küçük yığın (8 örnek, 4 sınıf)",
            lambda g: _random(g, 8, 4),
            note=(
                "Doğruluk, tahmini (`logits.argmax(dim=1)`) hedefe eşit olan örneklerin "
                "oranıdır: 0 ile 1 arasında bir Python sayısı (`float`), doğru tahminlerin "
                "sayısı değil. Sonuç `tensor(0.75)` gibi 0 boyutlu bir tensörse `.item()` "
                "ile Python sayısına çevirin."
            ),
        ),
        Case(
            "kare logit tablosu (N = C = 4)",
            lambda g: _square(),
            note=(
                "argmax sınıf boyutu boyunca (`dim=1`) alınmalı: her satır bir örnektir. "
                "`dim=0` her sınıf için en yüksek puanlı örneği verir; örnek sayısı sınıf "
                "sayısına eşitken hata vermeden yanlış sonuç üretir."
            ),
        ),
        Case(
            "doğru sınıfın olasılığı 0.5'in altında (10 sınıf)",
            lambda g: _low_probability(),
            note=(
                "Çok sınıflı problemde tahmin, en büyük logit değerine sahip sınıftır (argmax). "
                "Olasılığa 0.5 eşiği uygulamak ikili sınıflandırmanın kuralıdır: 10 sınıfta en "
                "olası sınıfın olasılığı 0.16 olabilir ve tahmin yine de doğrudur."
            ),
        ),
        Case(
            "eşit logit değerleri",
            lambda g: _ties(),
            note=(
                "Bir satırda en büyük değer birden çok sınıftaysa `argmax` ilkini seçer. "
                "'Doğru sınıfın logit değeri satırın en büyüğüne eşit mi?' diye bakmak "
                "eşitlikleri hep doğru sayar."
            ),
        ),
        Case("tek örnek (N = 1)", lambda g: _random(g, 1, 5)),
        Case("iki sınıf (C = 2)", lambda g: _random(g, 12, 2)),
        Case(
            "bütün hedefler aynı sınıf",
            lambda g: inputs(g.randn(10, 3), torch.zeros(10, dtype=torch.long)),
        ),
        Case("float64 logit değerleri", lambda g: _random(g, 9, 6, dtype=torch.float64)),
        Case(
            "rastgele şekil",
            lambda g: _random(g, g.integer(20, 200), g.integer(2, 20)),
            repeat=3,
        ),
    ],
)
