# hata: maske ters kurulmuş: elemanlar p olasılıkla kalıyor, 1 - p olasılıkla sıfırlanıyor
# beklenen-denetim: eğitim kipi, p=0.2
# beklenen-mesaj: Sıfırlanan elemanların oranı
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
        keep = torch.rand_like(x) < self.p
        return x * keep / (1 - self.p)
