import torch


def cross_entropy(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # Örnek başına kayıp: log Σ_j e^(x_j) − x[hedef]; log-sum-exp en büyük değer çıkarılarak.
    m = logits.amax(dim=1, keepdim=True)
    log_sum_exp = m.squeeze(1) + torch.log(torch.exp(logits - m).sum(dim=1))
    correct = logits.gather(1, target.unsqueeze(1)).squeeze(1)
    return (log_sum_exp - correct).mean()
