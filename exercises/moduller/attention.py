"""Ölçekli nokta çarpımı dikkati: softmax(q kᵀ / √D) v.

mask verilirse False olduğu konumlar dikkate alınmaz (True = dikkat edilir).

F.scaled_dot_product_attention ve nn.MultiheadAttention yasak; @ ve torch.softmax serbest.
Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit attention
Takılırsanız:  tutor hint attention
"""

import torch


def attention(
    q: torch.Tensor,
    k: torch.Tensor,
    v: torch.Tensor,
    mask: torch.Tensor | None = None,
) -> torch.Tensor:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("attention henüz yazılmadı")
