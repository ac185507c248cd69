# hata: p = 1 ayrıca ele alınmıyor; 1/(1-p) sıfıra bölme olur ve 0/0 = NaN çıkar
# beklenen-denetim: p=1: her şey sıfırlanır
# beklenen-mesaj: 1/(1 - p) sıfıra bölmedir ve 0 / 0 = NaN verir
import torch
from torch import nn


class Dropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        self.p = p

    def forward(self, x):
        if not self.training:
            return x
        keep = torch.rand_like(x) >= self.p
        return x * keep / (1.0 - self.p)
