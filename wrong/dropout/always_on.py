# hata: self.training yok sayılıyor; değerlendirme kipinde de elemanlar sıfırlanıyor
# beklenen-denetim: değerlendirme kipi: girdi aynen geçer
# beklenen-mesaj: Değerlendirme kipinde de elemanlar sıfırlanmış
import torch
from torch import nn


class Dropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        self.p = p

    def forward(self, x):
        if self.p == 0:
            return x
        if self.p == 1:
            return x * 0.0
        keep = torch.rand_like(x) >= self.p
        return x * keep / (1 - self.p)
