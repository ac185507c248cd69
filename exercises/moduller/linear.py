"""Linear: y = x @ weight.T + bias hesaplayan tam bağlı katman; nn.Linear'ın kendi sürümünüz.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit linear
Takılırsanız:  tutor hint linear
"""

import torch
from torch import nn


class Linear(nn.Module):
    def __init__(self, in_features: int, out_features: int, bias: bool = True):
        super().__init__()
        # weight: (out_features, in_features) şeklinde bir nn.Parameter
        # bias:   (out_features,) şeklinde bir nn.Parameter ya da bias=False ise None
        # İkisini de U(-1/√in_features, 1/√in_features) ile başlatın.
        raise NotImplementedError("Linear henüz yazılmadı")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # Kodunuzu buraya yazın.
        raise NotImplementedError("Linear.forward henüz yazılmadı")
