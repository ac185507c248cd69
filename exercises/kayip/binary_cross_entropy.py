"""İkili çapraz entropi, olasılıklardan. 0 ve 1 olasılıklarında da sonlu kalmalı.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit binary_cross_entropy
Takılırsanız:  tutor hint binary_cross_entropy
"""

import torch


def binary_cross_entropy(probs: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("binary_cross_entropy henüz yazılmadı")
