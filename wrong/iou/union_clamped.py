# hata: 0'a bölmeyi önlemek için birleşim clamp(min=1) ile 1'e çekiliyor; iki boş maske 0.0 alıyor (1.0 olmalı)
# beklenen-denetim: iki maske de boş
# beklenen-mesaj: paydayı `clamp(min=1)` ile 1'e çekmek 0.0 verir
import torch


def iou(pred_mask, target_mask):
    intersection = (pred_mask & target_mask).sum()
    union = (pred_mask | target_mask).sum().clamp(min=1)
    return (intersection / union).item()
