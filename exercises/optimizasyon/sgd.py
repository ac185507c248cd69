"""SGD: momentum, Nesterov ve ağırlık sönümüyle, torch.optim.SGD ile adım adım aynı sonuç.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit sgd
Takılırsanız:  tutor hint sgd
"""

import torch
from torch.optim import Optimizer


class SGD(Optimizer):
    def __init__(self, params, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
        # Ayarlar her parametre grubuna kopyalanır: step içinde group["lr"] gibi okuyun.
        defaults = dict(lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)
        super().__init__(params, defaults)

    # Güncelleme otomatik türeve kaydedilmemeli: bu dekoratör step'i
    # torch.no_grad() altında çalıştırır.
    @torch.no_grad()
    def step(self):
        # Her grup için, her parametre için: grad'ı None ise atlayın; değilse güncelleyin.
        # Parametreye özel durum (ör. momentum tamponu) self.state[p] sözlüğünde tutulur.
        raise NotImplementedError("SGD.step henüz yazılmadı")
