# hata: @torch.no_grad() unutulmuş; parametre autograd izlerken yerinde güncelleniyor
# beklenen-denetim: varsayılan ayarlar
# beklenen-mesaj: torch.no_grad() dışında
import torch
from torch.optim import Optimizer


class RMSprop(Optimizer):
    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8):
        super().__init__(params, dict(lr=lr, alpha=alpha, eps=eps))

    def step(self):
        for group in self.param_groups:
            alpha = group["alpha"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                v = self.state[p].setdefault("v", torch.zeros_like(p))
                v.mul_(alpha).add_((1 - alpha) * p.grad * p.grad)
                p.sub_(group["lr"] * p.grad / (v.sqrt() + group["eps"]))
