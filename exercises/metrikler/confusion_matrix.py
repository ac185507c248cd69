"""Karışıklık matrisi: (num_classes, num_classes) şeklinde int64; satır = gerçek sınıf, sütun = tahmin.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit confusion_matrix
Takılırsanız:  tutor hint confusion_matrix
"""

import torch


def confusion_matrix(pred: torch.Tensor, target: torch.Tensor, num_classes: int) -> torch.Tensor:
    # pred ve target: (N,) int64 sınıf indeksleri, 0 ile num_classes - 1 arasında.
    raise NotImplementedError("confusion_matrix henüz yazılmadı")
