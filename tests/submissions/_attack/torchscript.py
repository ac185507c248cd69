# Sınıf 4: TorchScript ile derlenmiş bir fonksiyon içinde softmax.
import torch

compiler = getattr(torch, "j" + "it")


def inner(x: torch.Tensor, dim: int) -> torch.Tensor:
    return torch.softmax(x, dim)


def softmax(x, dim=-1):
    return compiler.script(inner)(x, dim)
