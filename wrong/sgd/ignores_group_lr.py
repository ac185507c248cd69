# hata: öğrenme oranı grubun değil, kurucuya verilen varsayılanın (self.defaults) değeri
# beklenen-denetim: farklı öğrenme oranlı parametre grupları
# beklenen-mesaj: Öğrenme oranı grubun kendi değeri (group['lr']) yerine kurucunun varsayılanından (lr=0.1) alınmış
import torch
from torch.optim import Optimizer


class SGD(Optimizer):
    def __init__(self, params, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
        super().__init__(
            params, dict(lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)
        )

    @torch.no_grad()
    def step(self):
        lr = self.defaults["lr"]
        for group in self.param_groups:
            mu = group["momentum"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                d_p = p.grad + group["weight_decay"] * p
                if mu != 0:
                    state = self.state[p]
                    if "buf" not in state:
                        state["buf"] = d_p.clone()
                    else:
                        state["buf"].mul_(mu).add_(d_p)
                    d_p = d_p + mu * state["buf"] if group["nesterov"] else state["buf"]
                p.sub_(lr * d_p)
