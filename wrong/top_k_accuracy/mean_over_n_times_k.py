# hata: (N, k) eşleşme tablosunun ortalaması alınıyor; sonuç N yerine N·k'ya bölünüyor
# beklenen-denetim: küçük yığın (8 örnek, 5 sınıf, k = 2)
# beklenen-mesaj: eşleşme tablosunun ortalaması N·k'ya böler
import torch


def top_k_accuracy(logits, target, k):
    top_classes = logits.topk(k, dim=1).indices
    return (top_classes == target.unsqueeze(1)).float().mean().item()
