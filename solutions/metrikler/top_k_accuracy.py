import torch


def top_k_accuracy(logits: torch.Tensor, target: torch.Tensor, k: int) -> float:
    # Her satırın en büyük k logit değerinin sınıfları: (N, k).
    top_classes = logits.topk(k, dim=1).indices
    # Doğru sınıf bu k sınıftan biri mi? Her örnek en çok bir kez sayılır.
    hit = (top_classes == target.unsqueeze(1)).any(dim=1)
    return hit.float().mean().item()
