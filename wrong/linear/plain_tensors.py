# hata: ağırlıklar nn.Parameter değil, düz tensör; parameters() ve state_dict onları görmez
# beklenen-denetim: ileri ve geri geçiş (5 → 3)
# beklenen-mesaj: nn.Parameter olarak değil
import math

import torch
from torch import nn


class Linear(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        bound = 1 / math.sqrt(in_features)
        self.weight = (
            torch.empty(out_features, in_features).uniform_(-bound, bound).requires_grad_()
        )
        self.bias = (
            torch.empty(out_features).uniform_(-bound, bound).requires_grad_() if bias else None
        )

    def forward(self, x):
        y = x @ self.weight.T
        return y + self.bias if self.bias is not None else y
