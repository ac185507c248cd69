import torch


def binary_cross_entropy(probs: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # PyTorch gibi: log(0) = -inf yerine -100 kullanılır, böylece kayıp sonlu kalır.
    log_p = torch.log(probs).clamp(min=-100)
    log_not_p = torch.log(1 - probs).clamp(min=-100)
    return -(target * log_p + (1 - target) * log_not_p).mean()
