# hata: maske ters uygulanıyor: True olan (dikkat edilecek) konumlar -inf yapılıyor; hepsi True olan satır NaN olur
# beklenen-denetim: maske (True = dikkat edilir)
# beklenen-mesaj: Maske ters uygulanmış: True olan konumlar -inf yapılmış
import math

import torch


def attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
    if mask is not None:
        scores = scores.masked_fill(mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
