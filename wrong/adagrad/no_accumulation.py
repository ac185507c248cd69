# hata: kareler biriktirilmiyor, her adımda yalnızca son gradyanın karesi kullanılıyor
# beklenen-denetim: varsayılan ayarlar
# beklenen-mesaj: Kareler biriktirilmemiş
import torch
from torch.optim import Optimizer


class Adagrad(Optimizer):
    def __init__(self, params, lr=1e-2, eps=1e-10):
        super().__init__(params, dict(lr=lr, eps=eps))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                total = p.grad * p.grad
                p.sub_(group["lr"] * p.grad / (total.sqrt() + group["eps"]))
