import torch


def matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    # (n, k, 1) * (1, k, m) → (n, k, m); ortadaki k boyunca toplanır.
    return (a[:, :, None] * b[None, :, :]).sum(dim=1)
