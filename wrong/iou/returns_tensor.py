# hata: IoU Python sayısına çevrilmeden 0 boyutlu bir tensör olarak döndürülüyor
# beklenen-denetim: örtüşen iki kare (8×8)
# beklenen-mesaj: 0 boyutlu tensörü `.item()` ile çevirin
import torch


def iou(pred_mask, target_mask):
    intersection = (pred_mask & target_mask).sum()
    union = (pred_mask | target_mask).sum()
    if union == 0:
        return torch.tensor(1.0)
    return intersection / union
