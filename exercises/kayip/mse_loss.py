"""Ortalama kare hata (MSE): hataların karelerinin ortalaması, 0 boyutlu bir tensör.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit mse_loss
Takılırsanız:  tutor hint mse_loss
"""

import torch


def mse_loss(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("mse_loss henüz yazılmadı")
