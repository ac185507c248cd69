"""Matris çarpımı: (n, k) ile (k, m) → (n, m). @, matmul, mm, einsum ve benzerleri yasak.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit matmul
Takılırsanız:  tutor hint matmul
"""

import torch


def matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("matmul henüz yazılmadı")
