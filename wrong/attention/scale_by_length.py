# hata: ölçek vektör uzunluğu D yerine dizi uzunluğundan (anahtar sayısı) hesaplanıyor
# beklenen-denetim: 3 boyutlu girdi (B, L, D)
# beklenen-mesaj: anahtar sayısının (L_k = 5) kareköküyle ölçeklenmiş
import math

import torch


def attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(k.size(-2))
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
