import torch


def iou(pred_mask: torch.Tensor, target_mask: torch.Tensor) -> float:
    intersection = (pred_mask & target_mask).sum().item()
    union = (pred_mask | target_mask).sum().item()
    # İki maske de boşsa tahmin hedefle tam örtüşür: 1.0 (0 / 0 tanımsız olduğu için ayrıca).
    if union == 0:
        return 1.0
    return intersection / union
