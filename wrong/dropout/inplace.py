# hata: girdi yerinde değiştiriliyor (mul_ ve div_)
# beklenen-denetim: girdi yerinde değiştirilmemeli
# beklenen-mesaj: yerinde değiştirilmiş
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
            return x.mul_(0.0)
        keep = torch.rand_like(x) >= self.p
        return x.mul_(keep).div_(1 - self.p)
