# hata: yalnızca tahmin boş mu diye bakılıyor; tahmin boş ama hedef doluyken de 1.0 döndürülüyor
# beklenen-denetim: tahmin boş, hedef dolu
# beklenen-mesaj: yalnızca tahminin boş olmasına bakmayın
import torch


def iou(pred_mask, target_mask):
    if not pred_mask.any():
        return 1.0
    intersection = (pred_mask & target_mask).sum()
    union = (pred_mask | target_mask).sum()
    return (intersection / union).item()
