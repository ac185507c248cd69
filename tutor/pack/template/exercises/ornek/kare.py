"""Kare alma: her elemanın karesi.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit kare
"""

import torch


def kare(x: torch.Tensor) -> torch.Tensor:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("kare henüz yazılmadı")
