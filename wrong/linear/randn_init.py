# hata: ağırlıklar torch.randn ile başlatılıyor; değerler ±1/√in_features aralığını aşıyor
# beklenen-denetim: başlangıç değerleri (64 → 32)
# beklenen-mesaj: aralığının dışında
import torch
from torch import nn


class Linear(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(out_features, in_features))
        self.bias = nn.Parameter(torch.zeros(out_features)) if bias else None

    def forward(self, x):
        y = x @ self.weight.T
        return y + self.bias if self.bias is not None else y
