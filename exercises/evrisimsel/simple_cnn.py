"""Basit bir CNN: 28×28 görüntüler için iki kez evrişim → ReLU → havuzlama, sonra tam bağlı katman.

Çıktı (N, num_classes) logit değerleridir; parametre sayısı 100.000'den az olmalı. Değerlendirici
modelinizi küçük sentetik görüntülerle kendisi eğitir ve ayrılmış görüntülerde doğruluğa bakar.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit simple_cnn
Takılırsanız:  tutor hint simple_cnn
"""

import torch
from torch import nn


class SimpleCNN(nn.Module):
    def __init__(self, in_channels: int = 1, num_classes: int = 10):
        super().__init__()
        # Katmanları burada oluşturun: nn.Conv2d, nn.ReLU, nn.MaxPool2d, nn.Linear.
        raise NotImplementedError("SimpleCNN henüz yazılmadı")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # x: (N, in_channels, 28, 28). Sonuç: (N, num_classes) logit değerleri.
        raise NotImplementedError("SimpleCNN.forward henüz yazılmadı")
