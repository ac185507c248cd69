# hata: maskeli puanlar -inf yerine 0 yapılıyor; e^0 = 1 olduğundan yine ağırlık alıyorlar
# beklenen-denetim: maske (True = dikkat edilir)
# beklenen-mesaj: Maskeli puanlar -inf yerine 0 yapılmış
import math

import torch


def attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
    if mask is not None:
        scores = scores.masked_fill(~mask, 0.0)
    return torch.softmax(scores, dim=-1) @ v
