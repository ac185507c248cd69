"""IoU (kesişim / birleşim): iki bool maskenin örtüşmesi, Python float. İki maske de boşsa 1.0.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit iou
Takılırsanız:  tutor hint iou
"""

import torch


def iou(pred_mask: torch.Tensor, target_mask: torch.Tensor) -> float:
    # pred_mask ve target_mask: aynı şekilde bool tensörler (True = nesneye ait piksel).
    raise NotImplementedError("iou henüz yazılmadı")
