# hata: momentum üstel ortalama gibi yazılmış (buf = μ·buf + (1 − μ)·g); PyTorch (1 − μ) ile çarpmaz
# beklenen-denetim: momentum
# beklenen-mesaj: Momentum tamponu üstel ortalama gibi güncellenmiş
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
                d_p = p.grad + group["weight_decay"] * p
                if mu != 0:
                    state = self.state[p]
                    buf = state.setdefault("buf", torch.zeros_like(p))
                    buf.mul_(mu).add_((1 - mu) * d_p)
                    d_p = d_p + mu * buf if group["nesterov"] else buf
                p.sub_(group["lr"] * d_p)
