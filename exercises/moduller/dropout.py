"""Dropout: eğitimde her elemanı p olasılıkla sıfırlar, kalanları 1/(1-p) ile ölçekler.

Değerlendirme kipinde (model.eval()) girdiyi olduğu gibi döndürür.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit dropout
Takılırsanız:  tutor hint dropout
"""

import torch
from torch import nn


class Dropout(nn.Module):
    def __init__(self, p: float = 0.5):
        super().__init__()
        # Kodunuzu buraya yazın.
        raise NotImplementedError("Dropout henüz yazılmadı")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # self.training, model.train() / model.eval() ile değişir.
        raise NotImplementedError("Dropout.forward henüz yazılmadı")
