"""Doğruluk (accuracy): tahmin edilen sınıfı (argmax) doğru olan örneklerin oranı, Python float.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit accuracy
Takılırsanız:  tutor hint accuracy
"""

import torch


def accuracy(logits: torch.Tensor, target: torch.Tensor) -> float:
    # logits: (N, C) logit değerleri, target: (N,) int64 sınıf indeksleri.
    raise NotImplementedError("accuracy henüz yazılmadı")
