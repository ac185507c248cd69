# hata: sapma parametresi oluşturuluyor ama ileri geçişte çıktıya eklenmiyor
# beklenen-denetim: ileri ve geri geçiş (5 → 3)
# beklenen-mesaj: sapma (bias) çıktıya eklenmemiş
import math

import torch
from torch import nn


class Linear(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        bound = 1 / math.sqrt(in_features)
        self.weight = nn.Parameter(torch.empty(out_features, in_features).uniform_(-bound, bound))
        self.bias = (
            nn.Parameter(torch.empty(out_features).uniform_(-bound, bound)) if bias else None
        )

    def forward(self, x):
        return x @ self.weight.T
