# hata: softmax anahtarlar (son boyut) yerine sorgular boyunca alınıyor
# beklenen-denetim: 3 boyutlu girdi (B, L, D)
# beklenen-mesaj: sorgular boyunca (dim=-2) alınmış
import math

import torch


def attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-2) @ v
