# Sınıf 4 (sgd): torch.optim.SGD'nin gerçek kodunu kapanıştan (closure) çıkarmaya çalışır.
import torch

Base = getattr(torch.optim, "S" + "GD")


def dig(function):
    for cell in getattr(function, "__closure__", None) or ():
        value = cell.cell_contents
        if callable(value):
            return value
    return function


class SGD(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
        self.inner = dig(Base.__init__)
        self.inner(self, params, lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)

    def step(self, closure=None):
        return dig(Base.step)(self, closure)
