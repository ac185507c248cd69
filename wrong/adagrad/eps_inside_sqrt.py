# hata: eps karekökün içinde (√(G + eps)); gradyanlar küçükken adım neredeyse sıfır
# beklenen-denetim: çok küçük gradyanlar (eps'in yeri)
# beklenen-mesaj: eps karekökün içine eklenmiş: √(G + eps) hesaplanmış
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
                total = self.state[p].setdefault("sum", torch.zeros_like(p))
                total.add_(p.grad * p.grad)
                p.sub_(group["lr"] * p.grad / torch.sqrt(total + group["eps"]))
