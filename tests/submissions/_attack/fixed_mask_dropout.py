# Sınıf 6 (dropout): maskeyi bir kez çeker ve hep aynısını kullanır (tohumdan bağımsız).
import torch
from torch import nn


class Dropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        self.p = p
        self.masks = {}

    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return x * 0
        key = tuple(x.shape)
        if key not in self.masks:
            g = torch.Generator().manual_seed(1234)
            self.masks[key] = (torch.rand(x.shape, generator=g) >= self.p).to(x.dtype)
        return x * self.masks[key] / (1 - self.p)
