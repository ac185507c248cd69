# hata: puanlar 1/√D ile ölçeklenmiyor
# beklenen-denetim: 3 boyutlu girdi (B, L, D)
# beklenen-mesaj: Puanlar 1/√D ile ölçeklenmemiş
import torch


def attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
