import torch


def huber_loss(pred: torch.Tensor, target: torch.Tensor, delta: float = 1.0) -> torch.Tensor:
    error = (pred - target).abs()
    quadratic = 0.5 * error**2
    linear = delta * (error - 0.5 * delta)
    return torch.where(error < delta, quadratic, linear).mean()
