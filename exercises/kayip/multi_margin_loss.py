"""Çok sınıflı menteşe kaybı (hinge): doğru sınıf ötekileri en az marj kadar geçmeli.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit multi_margin_loss
Takılırsanız:  tutor hint multi_margin_loss
"""

import torch


def multi_margin_loss(
    scores: torch.Tensor, target: torch.Tensor, margin: float = 1.0
) -> torch.Tensor:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("multi_margin_loss henüz yazılmadı")
