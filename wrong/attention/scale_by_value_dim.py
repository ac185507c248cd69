# hata: ölçek sorgu/anahtar boyutu yerine değerlerin boyutundan (D_v) hesaplanıyor
# beklenen-denetim: değerlerin boyutu farklı (D_v ≠ D)
# beklenen-mesaj: değerlerin boyutunun (D_v = 3) kareköküyle ölçeklenmiş
import math

import torch


def attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(v.size(-1))
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
