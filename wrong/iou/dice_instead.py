# hata: IoU yerine Dice katsayısı hesaplanıyor: 2·|A ∩ B| / (|A| + |B|)
# beklenen-denetim: örtüşen iki kare (8×8)
# beklenen-mesaj: Dice katsayısı 2·|A ∩ B| / (|A| + |B|) IoU değildir
import torch


def iou(pred_mask, target_mask):
    total = pred_mask.sum() + target_mask.sum()
    if total == 0:
        return 1.0
    return (2 * (pred_mask & target_mask).sum() / total).item()
