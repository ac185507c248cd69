# hata: gradyanların kareleri değil kendileri toplanıyor; toplam negatif olunca karekök NaN veriyor
# beklenen-denetim: varsayılan ayarlar
# beklenen-mesaj: Gradyanların kareleri değil kendileri toplanmış
import torch
from torch.optim import Optimizer


class Adagrad(Optimizer):
    def __init__(self, params, lr=1e-2, eps=1e-10):
        super().__init__(params, dict(lr=lr, eps=eps))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                total = self.state[p].setdefault("sum", torch.zeros_like(p))
                total.add_(p.grad)
                p.sub_(group["lr"] * p.grad / (total.sqrt() + group["eps"]))
