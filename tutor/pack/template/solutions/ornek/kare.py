import torch


def kare(x: torch.Tensor) -> torch.Tensor:
    return x * x
