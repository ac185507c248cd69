import torch


def multi_margin_loss(
    scores: torch.Tensor, target: torch.Tensor, margin: float = 1.0
) -> torch.Tensor:
    num_classes = scores.shape[1]
    correct = scores.gather(1, target.unsqueeze(1))  # (N, 1): doğru sınıfın puanı
    hinge = (margin - correct + scores).clamp(min=0)  # (N, C)
    # Doğru sınıfın kendisiyle karşılaştırılması sayılmaz.
    is_target = torch.arange(num_classes, device=scores.device) == target.unsqueeze(1)
    hinge = torch.where(is_target, torch.zeros_like(hinge), hinge)
    # PyTorch toplamı (C − 1)'e değil, sınıf sayısı C'ye böler.
    return (hinge.sum(dim=1) / num_classes).mean()
