# hata: logaritma kesilmemiş; olasılık 0 ya da 1 olunca 0 · log(0) = NaN
# beklenen-denetim: olasılık tam 0 ve tam 1
# beklenen-mesaj: Logaritma kesilmemiş: p = 0 ya da 1'de log(0) = −inf olur
import torch


def binary_cross_entropy(probs, target):
    return -(target * torch.log(probs) + (1 - target) * torch.log(1 - probs)).mean()
