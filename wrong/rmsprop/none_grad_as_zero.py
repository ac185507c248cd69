# hata: grad'ı None olan parametre sıfır gradyan sayılıyor; kare ortalaması (v) o adımlarda sönüyor
# beklenen-denetim: gradyanı None olan parametre
# beklenen-mesaj: grad'ı None olan parametre atlanmamış, sıfır gradyan sayılmış: kare ortalaması (v)
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
                grad = p.grad if p.grad is not None else torch.zeros_like(p)
                v = self.state[p].setdefault("v", torch.zeros_like(p))
                v.mul_(alpha).add_((1 - alpha) * grad * grad)
                p.sub_(group["lr"] * grad / (v.sqrt() + group["eps"]))
