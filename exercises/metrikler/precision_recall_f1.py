"""Kesinlik, duyarlılık ve F1 skoru: ikili (0/1) tahminlerden, üç Python float'u olarak.

Paydası 0 olan metrik 0.0'dır. Çözümünüzü bu dosyaya yazın, sonra değerlendirin:
    tutor submit precision_recall_f1
Takılırsanız:  tutor hint precision_recall_f1
"""

import torch


def precision_recall_f1(pred: torch.Tensor, target: torch.Tensor) -> tuple[float, float, float]:
    # pred ve target: aynı şekilde, 0 ya da 1 değerli int64 tensörler.
    # Sonuç: (kesinlik, duyarlılık, F1) sırasıyla.
    raise NotImplementedError("precision_recall_f1 henüz yazılmadı")
