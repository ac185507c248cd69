# hata: iki maske de boşken 0 / 0 hesaplanıyor; IoU NaN çıkıyor (1.0 olmalı)
# beklenen-denetim: iki maske de boş
# beklenen-mesaj: İki maske de boşsa birleşim 0'dır ve 0 / 0 NaN verir
import torch


def iou(pred_mask, target_mask):
    intersection = (pred_mask & target_mask).sum().float()
    union = (pred_mask | target_mask).sum().float()
    return (intersection / union).item()
