# hata: k.T kullanılmış; 3 boyutlu tensörde bütün boyutları ters çevirir, çarpım şekil hatası verir
# beklenen-denetim: bütün boyutları eşit girdi (B = L = D = 4)
# beklenen-mesaj: `k.T` kullanılmış gibi
import math

import torch


def attention(q, k, v, mask=None):
    scores = q @ k.T / math.sqrt(q.size(-1))
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
