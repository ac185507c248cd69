import torch


def one_hot(labels: torch.Tensor, num_classes: int) -> torch.Tensor:
    classes = torch.arange(num_classes, device=labels.device)
    # (*labels.shape, 1) ile (num_classes,) karşılaştırılır → (*labels.shape, num_classes)
    return (labels[..., None] == classes).long()
