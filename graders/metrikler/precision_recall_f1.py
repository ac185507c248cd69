"""Değerlendirici: precision_recall_f1 (ikili tahminlerden kesinlik, duyarlılık ve F1)."""

import torch

from tutor.grading.spec import Case, FunctionGrader, inputs


def _ratio(numerator: torch.Tensor, denominator: torch.Tensor) -> float:
    """Payda 0 ise 0.0 (scikit-learn'ün zero_division=0 seçeneği gibi)."""
    return (numerator / denominator).item() if denominator.item() > 0 else 0.0


def reference_precision_recall_f1(pred: torch.Tensor, target: torch.Tensor):
    """Karışıklık matrisinin dört hücresinden; F1 = 2·TP / (2·TP + FP + FN)."""
    positive_pred, positive_true = pred == 1, target == 1
    tp = (positive_pred & positive_true).sum().double()
    fp = (positive_pred & ~positive_true).sum().double()
    fn = (~positive_pred & positive_true).sum().double()
    return _ratio(tp, tp + fp), _ratio(tp, tp + fn), _ratio(2 * tp, 2 * tp + fp + fn)


def _pair(pred, target):
    return inputs(torch.tensor(pred), torch.tensor(target))


def _random(g, shape, positive_rate):
    target = (g.uniform(*shape) < positive_rate).long()
    # Tahmin hedefe çoğunlukla uyar; yaklaşık beşte biri ters çevrilir.
    flip = (g.uniform(*shape) < 0.2).long()
    return inputs((target + flip) % 2, target)


GRADER = FunctionGrader(
    symbol="precision_recall_f1",
    arg_names=("pred", "target"),
    reference=reference_precision_recall_f1,
    output_names=("kesinlik (1. öğe)", "duyarlılık (2. öğe)", "F1 skoru (3. öğe)"),
    check_grad=False,
    cases=[
        Case(
            "küçük örnek (TP=3, FP=1, FN=2)",
            lambda g: _pair([1, 1, 0, 1, 0, 0, 1, 0], [1, 0, 0, 1, 1, 0, 1, 1]),
            note=(
                "Kesinlik = TP / (TP + FP): pozitif dediklerinizin ne kadarı gerçekten pozitif. "
                "Duyarlılık = TP / (TP + FN): gerçek pozitiflerin ne kadarını buldunuz. Burada "
                "kesinlik 0.75, duyarlılık 0.6; ikisi yer değiştirmişse kesinlik ile "
                "duyarlılığı karıştırmışsınızdır. Sonuç üç Python sayısından (`float`) oluşan "
                "bir demettir; 0 boyutlu tensörleri `.item()` ile çevirin."
            ),
        ),
        Case(
            "hiç pozitif tahmin yok (TP + FP = 0)",
            lambda g: _pair([0, 0, 0, 0, 0, 0], [1, 0, 1, 0, 0, 0]),
            note=(
                "Payda 0 olduğunda (hiç pozitif tahmin yoksa) kesinlik 0.0 kabul edilir; "
                "tensörlerle 0 / 0 bölmek NaN, Python sayılarıyla bölmek ZeroDivisionError verir. "
                "Bölmeden önce paydanın 0 olup olmadığına bakın."
            ),
        ),
        Case(
            "hedefte hiç pozitif yok (TP + FN = 0)",
            lambda g: _pair([0, 1, 0, 1, 0], [0, 0, 0, 0, 0]),
            note=(
                "Hedefte hiç pozitif yoksa duyarlılığın paydası 0'dır ve duyarlılık 0.0 kabul "
                "edilir. F1'in paydası (kesinlik + duyarlılık) 0 ise F1 de 0.0'dır."
            ),
        ),
        Case(
            "her şey negatif (TP = FP = FN = 0)",
            lambda g: _pair([0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]),
            note=(
                "Hiç pozitif olmayınca üç metriğin de paydası 0'dır; üçü de 0.0. TP yalnızca "
                "tahminin de hedefin de 1 olduğu elemanlardır: ikisinin de 0 olduğu elemanlar "
                "gerçek negatiftir (TN) ve bu metriklere girmez (`pred == target` TP değildir)."
            ),
        ),
        Case(
            "kusursuz tahmin",
            lambda g: _pair([1, 0, 1, 1, 0], [1, 0, 1, 1, 0]),
        ),
        Case(
            "F1 harmonik ortalamadır (kesinlik 1.0, duyarlılık 0.25)",
            lambda g: _pair([1, 0, 0, 0, 0, 0], [1, 1, 1, 1, 0, 0]),
            note=(
                "F1, kesinlik ile duyarlılığın aritmetik değil harmonik ortalamasıdır: "
                "2·P·R / (P + R). Burada (1.0 + 0.25) / 2 = 0.625 değil, 0.4."
            ),
        ),
        Case(
            "2 boyutlu girdiler (çok etiketli, 4 örnek × 3 etiket)",
            lambda g: _pair(
                [[1, 0, 1], [0, 0, 1], [1, 1, 0], [0, 0, 0]],
                [[1, 0, 0], [0, 1, 1], [1, 1, 0], [1, 0, 0]],
            ),
            note=(
                "Sayımlar bütün elemanlar üzerinden yapılır: her (örnek, etiket) çifti bir "
                "ikili karardır. `len(pred)` eleman sayısını değil ilk boyutu verir; döngü "
                "yerine `((pred == 1) & (target == 1)).sum()` gibi bütün tensör üzerinde sayın."
            ),
        ),
        Case(
            "dengesiz sınıflar (pozitifler ~%5)",
            lambda g: _random(g, (200,), 0.05),
        ),
        Case(
            "rastgele şekil",
            lambda g: _random(g, g.shape(1, 2, 2, 40), g.choice([0.2, 0.5, 0.8])),
            repeat=3,
        ),
    ],
)
