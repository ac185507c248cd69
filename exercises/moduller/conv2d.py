"""2 boyutlu evrişim: x (N, C_in, H, W), weight (C_out, C_in, k_h, k_w) → (N, C_out, H_out, W_out).

Çıktı boyutu: H_out = (H + 2·padding - k_h) // stride + 1 (genişlik için de aynı).
Evrişimin her biçimi (F.conv2d, nn.Conv2d, ...) ve unfold yasak.
Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit conv2d
Takılırsanız:  tutor hint conv2d
"""

import torch


def conv2d(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor | None = None,
    stride: int = 1,
    padding: int = 0,
) -> torch.Tensor:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("conv2d henüz yazılmadı")
