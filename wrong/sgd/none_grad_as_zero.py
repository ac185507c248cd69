# hata: grad'ı None olan parametre atlanmıyor, sıfır gradyan sayılıyor; momentum onu yine de itiyor
# beklenen-denetim: gradyanı None olan parametre
# beklenen-mesaj: grad'ı None olan parametre atlanmamış, sıfır gradyan sayılmış: momentum tamponu ve parametre
import torch
from torch.optim import Optimizer


class SGD(Optimizer):
    def __init__(self, params, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
        super().__init__(
            params, dict(lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)
        )

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            mu = group["momentum"]
            for p in group["params"]:
                grad = p.grad if p.grad is not None else torch.zeros_like(p)
                d_p = grad + group["weight_decay"] * p
                if mu != 0:
                    state = self.state[p]
                    if "buf" not in state:
                        state["buf"] = d_p.clone()
                    else:
                        state["buf"].mul_(mu).add_(d_p)
                    d_p = d_p + mu * state["buf"] if group["nesterov"] else state["buf"]
                p.sub_(group["lr"] * d_p)
