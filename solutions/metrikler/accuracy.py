import torch


def accuracy(logits: torch.Tensor, target: torch.Tensor) -> float:
    # Tahmin edilen sınıf, her satırdaki en büyük logit değerinin indeksidir.
    pred = logits.argmax(dim=1)
    return (pred == target).float().mean().item()
