# hata: ağırlık sönümü momentum tamponundan sonra ekleniyor; tampon sönümü hiç görmüyor
# beklenen-denetim: ağırlık sönümü ve momentum
# beklenen-mesaj: Ağırlık sönümü momentum tamponundan sonra eklenmiş
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
                if p.grad is None:
                    continue
                d_p = p.grad
                if mu != 0:
                    state = self.state[p]
                    if "buf" not in state:
                        state["buf"] = d_p.clone()
                    else:
                        state["buf"].mul_(mu).add_(d_p)
                    d_p = d_p + mu * state["buf"] if group["nesterov"] else state["buf"]
                d_p = d_p + group["weight_decay"] * p
                p.sub_(group["lr"] * d_p)
