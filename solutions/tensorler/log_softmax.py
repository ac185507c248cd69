import torch


def log_softmax(x: torch.Tensor, dim: int = -1) -> torch.Tensor:
    # log Σ e^x = m + log Σ e^(x - m): en büyük değer çıkarılınca üs taşmaz.
    m = x.amax(dim=dim, keepdim=True).detach()
    log_sum = m + torch.log(torch.exp(x - m).sum(dim=dim, keepdim=True))
    return x - log_sum
