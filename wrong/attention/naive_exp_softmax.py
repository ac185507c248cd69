# hata: softmax elle, en büyük puan çıkarılmadan yazılmış; büyük puanlarda exp taşar ve inf/inf = NaN
# beklenen-denetim: büyük değerler (sayısal kararlılık)
# beklenen-mesaj: softmax'ı en büyük puan çıkarılmadan hesaplanmış
import math

import torch


def attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    e = torch.exp(scores)
    return e / e.sum(dim=-1, keepdim=True) @ v
