# hata: hayatta kalan değerler 1/(1-p) ile ölçeklenmiyor; eğitimde çıktının beklenen değeri küçülüyor
# beklenen-denetim: eğitim kipi, p=0.5
# beklenen-mesaj: ölçeklenmemiş
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
        return x * keep
