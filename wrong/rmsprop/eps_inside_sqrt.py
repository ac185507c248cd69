# hata: eps karekökün içinde (√(v + eps)); gradyanlar eps'ten küçükken adım neredeyse sıfır
# beklenen-denetim: çok küçük gradyanlar (eps'in yeri)
# beklenen-mesaj: eps karekökün içine eklenmiş: √(v + eps) hesaplanmış
import torch
from torch.optim import Optimizer


class RMSprop(Optimizer):
    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8):
        super().__init__(params, dict(lr=lr, alpha=alpha, eps=eps))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            alpha = group["alpha"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                v = self.state[p].setdefault("v", torch.zeros_like(p))
                v.mul_(alpha).add_((1 - alpha) * p.grad * p.grad)
                p.sub_(group["lr"] * p.grad / torch.sqrt(v + group["eps"]))
