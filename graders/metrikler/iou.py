"""Değerlendirici: iou (iki bool maskenin kesişim / birleşim oranı)."""

import torch

from tutor.grading.spec import Case, FunctionGrader, inputs


def reference_iou(pred_mask: torch.Tensor, target_mask: torch.Tensor) -> float:
    """|A ∩ B| / |A ∪ B|; ikisi de boşsa 1.0."""
    intersection = torch.logical_and(pred_mask, target_mask).sum()
    union = torch.logical_or(pred_mask, target_mask).sum()
    if union.item() == 0:
        return 1.0
    return (intersection.double() / union.double()).item()


def _box(shape, top, left, height, width):
    mask = torch.zeros(shape, dtype=torch.bool)
    mask[..., top : top + height, left : left + width] = True
    return mask


def _random(g, shape, density):
    """Hedef, tahminin yaklaşık beşte birinin ters çevrilmiş hâli: IoU çoğunlukla 0.3-0.8."""
    pred = g.uniform(*shape) < density
    flip = g.uniform(*shape) < 0.2
    return inputs(pred, pred ^ flip)


GRADER = FunctionGrader(
    symbol="iou",
    arg_names=("pred_mask", "target_mask"),
    reference=reference_iou,
    check_grad=False,
    cases=[
        Case(
            "örtüşen iki kare (8×8)",
            # 4×4 tahmin ile 4×4 hedef 2×2'lik bir alanda örtüşür: 4 / (16 + 16 − 4) = 1/7
            lambda g: inputs(_box((8, 8), 1, 1, 4, 4), _box((8, 8), 3, 3, 4, 4)),
            note=(
                "IoU = |A ∩ B| / |A ∪ B|. Birleşim, iki maskenin piksel sayılarının toplamı "
                "değil, en az birinde True olan piksellerin sayısıdır (|A| + |B| − |A ∩ B|). "
                "Dice katsayısı 2·|A ∩ B| / (|A| + |B|) IoU değildir. Sonuç bir Python sayısı "
                "(`float`) olmalı; 0 boyutlu tensörü `.item()` ile çevirin."
            ),
        ),
        Case(
            "iki maske de boş",
            lambda g: inputs(
                torch.zeros(6, 6, dtype=torch.bool), torch.zeros(6, 6, dtype=torch.bool)
            ),
            note=(
                "İki maske de boşsa birleşim 0'dır ve 0 / 0 NaN verir. Tahmin hedefle tam "
                "örtüştüğü için IoU 1.0 kabul edilir; paydayı `clamp(min=1)` ile 1'e çekmek "
                "0.0 verir, bu da yanlıştır."
            ),
        ),
        Case(
            "tahmin boş, hedef dolu",
            lambda g: inputs(torch.zeros(6, 6, dtype=torch.bool), _box((6, 6), 2, 1, 3, 3)),
            note=(
                "Tahmin boşsa kesişim 0, birleşim hedefin alanıdır: IoU 0.0. 1.0 kuralı "
                "yalnızca iki maske de boşken geçerlidir; yalnızca tahminin boş olmasına "
                "bakmayın."
            ),
        ),
        Case(
            "örtüşmeyen maskeler",
            lambda g: inputs(_box((5, 7), 0, 0, 2, 3), _box((5, 7), 3, 4, 2, 3)),
        ),
        Case("aynı maske", lambda g: inputs(_box((6, 6), 1, 2, 3, 2), _box((6, 6), 1, 2, 3, 2))),
        Case(
            "yığın hâlinde maskeler (3 × 8 × 8)",
            lambda g: inputs(_box((3, 8, 8), 0, 0, 5, 5), _box((3, 8, 8), 2, 1, 5, 6)),
            note="Maskeler her şekilde olabilir; IoU bütün elemanlar üzerinden tek bir sayıdır.",
        ),
        Case(
            "rastgele şekil",
            lambda g: _random(g, g.shape(1, 3, 3, 16), g.choice([0.1, 0.3, 0.6])),
            repeat=3,
        ),
    ],
)
