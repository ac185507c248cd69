# hata: margin argümanı yok sayılıyor, marj hep 1
# beklenen-denetim: margin=0.5
# beklenen-mesaj: margin argümanı kullanılmamış: kaybınız marj = 1 ile hesaplanana eşit
import torch


def multi_margin_loss(scores, target, margin=1.0):
    c = scores.shape[1]
    correct = scores.gather(1, target.unsqueeze(1))
    hinge = (1.0 - correct + scores).clamp(min=0)
    mask = torch.arange(c) == target.unsqueeze(1)
    hinge = torch.where(mask, torch.zeros_like(hinge), hinge)
    return (hinge.sum(dim=1) / c).mean()
