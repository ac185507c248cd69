# hata: log yerine olasılık 1e-7 ile kesilmiş; 0 ve 1'de PyTorch'tan farklı değer (100 yerine 16.1)
# beklenen-denetim: olasılık tam 0 ve tam 1
# beklenen-mesaj: Olasılıklar [1e-07, 1 − 1e-07] aralığına kırpılmış
import torch


def binary_cross_entropy(probs, target):
    p = probs.clamp(1e-7, 1 - 1e-7)
    return -(target * torch.log(p) + (1 - target) * torch.log(1 - p)).mean()
