# hata: sonuç Python sayısına çevrilmeden 0 boyutlu bir tensör olarak döndürülüyor
# beklenen-denetim: küçük yığın (8 örnek, 4 sınıf)
# beklenen-mesaj: 0 boyutlu bir tensörse `.item()` ile Python sayısına çevirin
import torch


def accuracy(logits, target):
    return (logits.argmax(dim=1) == target).float().mean()
