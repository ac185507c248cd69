import torch


def precision_recall_f1(pred: torch.Tensor, target: torch.Tensor) -> tuple[float, float, float]:
    # Sayımlar bütün elemanlar üzerinden; 1 = pozitif sınıf.
    tp = ((pred == 1) & (target == 1)).sum().item()
    fp = ((pred == 1) & (target == 0)).sum().item()
    fn = ((pred == 0) & (target == 1)).sum().item()
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return precision, recall, f1
