"""İkili çapraz entropi, logit değerlerinden. ±1000'de de sonlu kalmalı; sigmoid yasak.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit bce_with_logits
Takılırsanız:  tutor hint bce_with_logits
"""

import torch


def bce_with_logits(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("bce_with_logits henüz yazılmadı")
