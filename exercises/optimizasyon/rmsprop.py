"""RMSprop: gradyan karelerinin üstel ortalamasıyla ölçeklenen adımlar.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit rmsprop
Takılırsanız:  tutor hint rmsprop
"""

import torch
from torch.optim import Optimizer


class RMSprop(Optimizer):
    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8):
        defaults = dict(lr=lr, alpha=alpha, eps=eps)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self):
        # Her parametre için self.state[p] içinde gradyan karelerinin ortalamasını tutun.
        raise NotImplementedError("RMSprop.step henüz yazılmadı")
