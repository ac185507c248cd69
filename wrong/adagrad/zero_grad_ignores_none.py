# hata: kendi zero_grad'ı grad'ı None olan parametreyi hesaba katmıyor (None.zero_())
# beklenen-hata: exception
# beklenen-mesaj: 'NoneType' object has no attribute 'zero_'
import torch
from torch.optim import Optimizer


class Adagrad(Optimizer):
    def __init__(self, params, lr=1e-2, eps=1e-10):
        super().__init__(params, dict(lr=lr, eps=eps))

    def zero_grad(self):
        for group in self.param_groups:
            for p in group["params"]:
                p.grad.zero_()

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                total = self.state[p].setdefault("sum", torch.zeros_like(p))
                total.addcmul_(p.grad, p.grad)
                p.addcdiv_(p.grad, total.sqrt() + group["eps"], value=-group["lr"])
