# hata: √v, (1 − β2^t)'nin karekökü yerine kendisine bölünüyor; ilk adımlar çok küçük kalıyor
# beklenen-denetim: varsayılan ayarlar
# beklenen-mesaj: √v, (1 − β2^t)'nin karekökü yerine kendisine bölünmüş
import torch
from torch.optim import Optimizer


class AdamW(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr = group["lr"]
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                p.mul_(1 - lr * group["weight_decay"])
                state = self.state[p]
                if not state:
                    state["t"] = 0
                    state["m"] = torch.zeros_like(p)
                    state["v"] = torch.zeros_like(p)
                state["t"] += 1
                t, m, v = state["t"], state["m"], state["v"]
                m.mul_(beta1).add_((1 - beta1) * p.grad)
                v.mul_(beta2).add_((1 - beta2) * p.grad * p.grad)
                m_hat = m / (1 - beta1**t)
                denom = v.sqrt() / (1 - beta2**t) + group["eps"]
                p.sub_(lr * m_hat / denom)
