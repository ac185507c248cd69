"""Adam: momentler, yanlılık düzeltmesi ve eps; torch.optim.Adam ile adım adım aynı sonuç.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit adam
Takılırsanız:  tutor hint adam
"""

import torch
from torch.optim import Optimizer


class Adam(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self):
        # Her parametre için self.state[p] içinde adım sayısını ve iki momenti tutun.
        raise NotImplementedError("Adam.step henüz yazılmadı")
