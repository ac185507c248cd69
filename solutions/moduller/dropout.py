import torch
from torch import nn


class Dropout(nn.Module):
    def __init__(self, p: float = 0.5):
        super().__init__()
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"p 0 ile 1 arasında olmalı, {p} verildi")
        self.p = p

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training or self.p == 0.0:
            return x
        if self.p == 1.0:
            return x * 0.0  # her şey sıfırlanır; gradyan da 0 olur
        keep = torch.rand_like(x) >= self.p  # her eleman 1 - p olasılıkla korunur
        return x * keep / (1.0 - self.p)
