"""Log-softmax: x - log Σ exp(x), dim boyunca. Büyük değerlerde de sonlu kalmalı.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit log_softmax
Takılırsanız:  tutor hint log_softmax
"""

import torch


def log_softmax(x: torch.Tensor, dim: int = -1) -> torch.Tensor:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("log_softmax henüz yazılmadı")
