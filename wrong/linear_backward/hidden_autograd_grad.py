# hata: torch.autograd.grad, kaynakta görünmesin diye getattr ile çağrılmış
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak çağrı: torch.autograd.grad
import importlib

import torch


def linear_backward(x, weight, bias, grad_output):
    leaves = [t.detach().requires_grad_() for t in (x, weight, bias)]
    y = leaves[0] @ leaves[1].T + leaves[2]
    engine = importlib.import_module("torch." + "auto" + "grad")
    return getattr(engine, "gr" + "ad")(y, leaves, grad_output)
