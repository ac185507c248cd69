"""AdamW: ayrıştırılmış ağırlık sönümlü Adam; torch.optim.AdamW ile adım adım aynı sonuç.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit adamw
Takılırsanız:  tutor hint adamw
"""

import torch
from torch.optim import Optimizer


class AdamW(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self):
        # Ağırlık sönümü gradyana eklenmez: parametreye doğrudan uygulanır.
        raise NotImplementedError("AdamW.step henüz yazılmadı")
