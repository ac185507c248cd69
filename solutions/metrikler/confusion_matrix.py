import torch


def confusion_matrix(pred: torch.Tensor, target: torch.Tensor, num_classes: int) -> torch.Tensor:
    # Her (gerçek, tahmin) çiftine tek bir numara: gerçek · C + tahmin. Sonra her numarayı say.
    codes = target.reshape(-1) * num_classes + pred.reshape(-1)
    counts = torch.bincount(codes, minlength=num_classes * num_classes)
    return counts.reshape(num_classes, num_classes)
