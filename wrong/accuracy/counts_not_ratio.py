# hata: doğru tahminlerin oranı yerine sayısı döndürülüyor
# beklenen-denetim: küçük yığın (8 örnek, 4 sınıf)
# beklenen-mesaj: doğru tahminlerin sayısı değil
import torch


def accuracy(logits, target):
    return float((logits.argmax(dim=1) == target).sum())
