"""Sigmoid: σ(x) = 1 / (1 + e^(-x)). ±1000'de de sonlu kalmalı, gradyanı da.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit sigmoid
Takılırsanız:  tutor hint sigmoid
"""

import torch


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("sigmoid henüz yazılmadı")
