"""Değerlendirici: confusion_matrix (satırlar gerçek sınıf, sütunlar tahmin)."""

import torch

from tutor.grading.spec import Case, FunctionGrader, inputs


def reference_confusion_matrix(
    pred: torch.Tensor, target: torch.Tensor, num_classes: int
) -> torch.Tensor:
    """`torch.bincount` ile, CATALOG'daki gibi: her çift target·C + pred numarasını alır."""
    codes = target * num_classes + pred
    return torch.bincount(codes, minlength=num_classes**2).reshape(num_classes, num_classes)


def _fixed(pred, target, num_classes):
    return inputs(torch.tensor(pred, dtype=torch.long), torch.tensor(target), num_classes)


def _random(g, n, c):
    target = g.randint(0, c, n)
    # Tahmin çoğunlukla doğru; yanlışlar rastgele sınıflara dağılır.
    wrong = g.uniform(n) < 0.35
    pred = torch.where(wrong, g.randint(0, c, n), target)
    return inputs(pred, target, c)


GRADER = FunctionGrader(
    symbol="confusion_matrix",
    arg_names=("pred", "target", "num_classes"),
    reference=reference_confusion_matrix,
    check_grad=False,
    cases=[
        Case(
            "küçük örnek (3 sınıf)",
            # gerçek 0 → tahmin 1 iki kez, gerçek 2 → tahmin 0 bir kez: matris simetrik değil
            lambda g: _fixed([0, 1, 1, 1, 2, 0, 2], [0, 0, 0, 1, 2, 2, 2], 3),
            note=(
                "Satırlar gerçek sınıf (`target`), sütunlar tahmindir (`pred`): m[i, j], gerçek "
                "sınıfı i olup j diye tahmin edilen örneklerin sayısıdır. Satır ile sütunu yer "
                "değiştirmek matrisin devriğini (transpose) verir."
            ),
        ),
        Case(
            "tekrarlanan (gerçek, tahmin) çiftleri",
            lambda g: _fixed([1, 1, 1, 0, 0, 1, 1], [1, 1, 1, 0, 0, 0, 0], 2),
            note=(
                "Aynı (gerçek, tahmin) çifti birçok kez geçer ve hepsi sayılmalıdır. "
                "`m[target, pred] += 1` tekrarlanan indeksleri yalnızca bir kez sayar; "
                "`m.index_put_((target, pred), değerler, accumulate=True)` ya da "
                "`torch.bincount` kullanın."
            ),
        ),
        Case(
            "verilerde görünmeyen sınıflar (5 sınıftan 2'si yok)",
            lambda g: _fixed([0, 2, 1, 2, 0], [0, 2, 2, 1, 0], 5),
            note=(
                "Matris her zaman (num_classes, num_classes) şeklindedir: verilerde hiç geçmeyen "
                "sınıfların satır ve sütunu da sıfırlarla yer alır. Sınıf sayısını verilerden "
                "(`max() + 1`) çıkarmayın, `num_classes` argümanını kullanın; `bincount`'a "
                "`minlength` verin."
            ),
        ),
        Case(
            "kusursuz tahmin (köşegen matris)",
            lambda g: _fixed([0, 1, 2, 3, 3, 1], [0, 1, 2, 3, 3, 1], 4),
        ),
        Case(
            "bütün örnekler tek sınıf",
            lambda g: _fixed([2, 2, 0, 2], [2, 2, 2, 2], 3),
        ),
        Case(
            "boş yığın (N = 0)",
            lambda g: inputs(torch.zeros(0, dtype=torch.long), torch.zeros(0, dtype=torch.long), 3),
            note="Hiç örnek yoksa sonuç sıfırlarla dolu (3, 3) bir int64 tensördür.",
        ),
        Case(
            "rastgele şekil",
            lambda g: _random(g, g.integer(10, 300), g.integer(2, 12)),
            repeat=3,
        ),
    ],
)
