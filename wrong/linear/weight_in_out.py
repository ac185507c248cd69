# hata: ağırlık (in_features, out_features) şeklinde tutuluyor ve x @ weight ile çarpılıyor
# beklenen-denetim: ileri ve geri geçiş (5 → 3)
# beklenen-mesaj: weight şekli (3, 5) olmalı (out_features, in_features); sizinki (5, 3)
import math

import torch
from torch import nn


class Linear(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        bound = 1 / math.sqrt(in_features)
        self.weight = nn.Parameter(torch.empty(in_features, out_features).uniform_(-bound, bound))
        self.bias = (
            nn.Parameter(torch.empty(out_features).uniform_(-bound, bound)) if bias else None
        )

    def forward(self, x):
        y = x @ self.weight
        return y + self.bias if self.bias is not None else y
