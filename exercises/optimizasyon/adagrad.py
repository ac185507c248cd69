"""Adagrad: gradyan karelerinin toplamıyla küçülen, parametreye özel adımlar.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit adagrad
Takılırsanız:  tutor hint adagrad
"""

import torch
from torch.optim import Optimizer


class Adagrad(Optimizer):
    def __init__(self, params, lr=1e-2, eps=1e-10):
        defaults = dict(lr=lr, eps=eps)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self):
        # Her parametre için self.state[p] içinde gradyan karelerinin toplamını biriktirin.
        raise NotImplementedError("Adagrad.step henüz yazılmadı")
