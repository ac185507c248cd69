# Sınıf 6 (linear): ağırlıkları NaN başlatır ama ileri geçişi doğru yazar. Referans öğrencinin
# başlangıç ağırlıklarıyla kurulsaydı NaN = NaN sayılır ve çoğu denetim geçerdi.
import torch
from torch import nn


class Linear(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        self.weight = nn.Parameter(torch.full((out_features, in_features), float("nan")))
        self.bias = nn.Parameter(torch.full((out_features,), float("nan"))) if bias else None

    def forward(self, x):
        y = x @ self.weight.t()
        return y + self.bias if self.bias is not None else y
