# hata: sonuç Python sayısına çevrilmeden 0 boyutlu bir tensör olarak döndürülüyor
# beklenen-denetim: küçük yığın (8 örnek, 5 sınıf, k = 2)
# beklenen-mesaj: 0 boyutlu tensörü `.item()` ile çevirin
import torch


def top_k_accuracy(logits, target, k):
    top_classes = logits.topk(k, dim=1).indices
    return (top_classes == target.unsqueeze(1)).any(dim=1).float().mean()
