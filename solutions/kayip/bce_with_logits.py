import torch


def bce_with_logits(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # log(1 + e^x) kararlı biçimde: üs hiçbir zaman pozitif olmaz.
    #   x >= 0 için: x + log(1 + e^(-x))
    #   x <  0 için:     log(1 + e^x)
    # İki dal ayrı yazıldığı için x = 0'da da gradyan doğrudur (|x| kullanılmıyor).
    positive = logits >= 0
    exponent = torch.where(positive, -logits, logits)
    softplus = torch.where(positive, logits, torch.zeros_like(logits)) + torch.log1p(
        torch.exp(exponent)
    )
    # -[t·log σ(x) + (1 − t)·log(1 − σ(x))] = log(1 + e^x) − t·x
    return (softplus - target * logits).mean()
