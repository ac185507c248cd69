# hata: birleşim iki maskenin piksel sayılarının toplamı alınıyor; kesişim iki kez sayılıyor
# beklenen-denetim: örtüşen iki kare (8×8)
# beklenen-mesaj: Birleşim, iki maskenin piksel sayılarının toplamı değil
import torch


def iou(pred_mask, target_mask):
    union = pred_mask.sum() + target_mask.sum()
    if union == 0:
        return 1.0
    return ((pred_mask & target_mask).sum() / union).item()
