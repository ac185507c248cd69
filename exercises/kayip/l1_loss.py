"""Ortalama mutlak hata (MAE): hataların mutlak değerlerinin ortalaması.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit l1_loss
Takılırsanız:  tutor hint l1_loss
"""

import torch


def l1_loss(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("l1_loss henüz yazılmadı")
