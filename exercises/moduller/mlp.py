"""MLP: 28×28 görüntüleri sınıflandıran çok katmanlı algılayıcı.

Düzleştir → Linear → ReLU → Linear → ReLU → Linear. Çıktı logit değerleridir: sonuna ReLU yok.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit mlp
Takılırsanız:  tutor hint mlp
"""

import torch
from torch import nn


class MLP(nn.Module):
    def __init__(self, in_features: int = 784, hidden: int = 512, num_classes: int = 10):
        super().__init__()
        # Katmanları burada oluşturun (nn.Linear ya da kendi Linear sınıfınız).
        raise NotImplementedError("MLP henüz yazılmadı")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # x: (N, 1, 28, 28) ya da (N, 784). Sonuç: (N, num_classes) logit değerleri.
        raise NotImplementedError("MLP.forward henüz yazılmadı")
