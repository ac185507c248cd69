# hata: alpha ile 1 − alpha yer değiştirmiş; eski ortalama yerine yeni gradyan ağır basıyor
# beklenen-denetim: varsayılan ayarlar
# beklenen-mesaj: alpha ile 1 − alpha yer değiştirmiş
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
                v.mul_(1 - alpha).add_(alpha * p.grad * p.grad)
                p.sub_(group["lr"] * p.grad / (v.sqrt() + group["eps"]))
