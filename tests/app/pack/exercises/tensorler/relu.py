"""ReLU: negatif değerleri sıfıra çeken aktivasyon fonksiyonu. Girdiyi yerinde değiştirmeyin.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit relu
Takılırsanız:  tutor hint relu
"""

import torch


def relu(x: torch.Tensor) -> torch.Tensor:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("relu henüz yazılmadı")
