import torch


def relu(x: torch.Tensor) -> torch.Tensor:
    # clamp yeni bir tensör döndürür; girdi değişmez.
    return x.clamp(min=0)
