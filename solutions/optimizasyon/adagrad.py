import torch
from torch.optim import Optimizer


class Adagrad(Optimizer):
    def __init__(self, params, lr=1e-2, eps=1e-10):
        defaults = dict(lr=lr, eps=eps)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                grad = p.grad
                state = self.state[p]
                if not state:
                    state["sum"] = torch.zeros_like(p)
                total = state["sum"]
                total.addcmul_(grad, grad)
                p.addcdiv_(grad, total.sqrt().add_(group["eps"]), value=-group["lr"])
