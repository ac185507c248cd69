import torch


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    positive = x >= 0
    # Üs her zaman sıfır ya da negatif: exp taşmaz, gradyan da sonlu kalır.
    z = torch.exp(torch.where(positive, -x, x))
    return torch.where(positive, 1 / (1 + z), z / (1 + z))
