"""BatchNorm1d: yığın normalleştirme; eğitimde yığının, değerlendirmede hareketli istatistiklerin kullanılması.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit batchnorm1d
Takılırsanız:  tutor hint batchnorm1d
"""

import torch
from torch import nn


class BatchNorm1d(nn.Module):
    def __init__(self, num_features: int, eps: float = 1e-5, momentum: float = 0.1):
        super().__init__()
        # Parametreler: weight (1 ile başlar), bias (0 ile başlar)
        # Tamponlar:    running_mean (0 ile başlar), running_var (1 ile başlar)
        raise NotImplementedError("BatchNorm1d henüz yazılmadı")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # x: (N, C) ya da (N, C, L)
        raise NotImplementedError("BatchNorm1d.forward henüz yazılmadı")
