"""Huber kaybı: küçük hatalarda karesel, delta'dan büyük hatalarda doğrusal.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit huber_loss
Takılırsanız:  tutor hint huber_loss
"""

import torch


def huber_loss(pred: torch.Tensor, target: torch.Tensor, delta: float = 1.0) -> torch.Tensor:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("huber_loss henüz yazılmadı")
