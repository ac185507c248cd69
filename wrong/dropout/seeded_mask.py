# hata: "tekrarlanabilir olsun" diye forward içinde tohum sabitleniyor; her çağrıda aynı maske çıkıyor
# beklenen-denetim: her çağrıda yeni maske
# beklenen-mesaj: aynı elemanlar sıfırlandı
import torch
from torch import nn


class Dropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        self.p = p

    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return x * 0.0
        torch.manual_seed(0)
        keep = torch.rand_like(x) >= self.p
        return x * keep / (1 - self.p)
