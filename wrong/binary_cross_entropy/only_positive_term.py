# hata: (1 - t) · log(1 - p) terimi unutulmuş; hedefi 0 olan örnekler hiç cezalandırılmıyor
# beklenen-denetim: küçük girdiler (8,)
# beklenen-mesaj: (1 − t) · log(1 − p) terimi eksik
import torch


def binary_cross_entropy(probs, target):
    return -(target * torch.log(probs).clamp(min=-100)).mean()
