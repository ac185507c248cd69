# hata: toplam C yerine yanlış sınıfların sayısına (C - 1) bölünüyor
# beklenen-denetim: küçük girdiler (4 örnek, 5 sınıf)
# beklenen-mesaj: yanlış sınıfların sayısına (C − 1 = 4) bölünmüş
import torch


def multi_margin_loss(scores, target, margin=1.0):
    c = scores.shape[1]
    correct = scores.gather(1, target.unsqueeze(1))
    hinge = (margin - correct + scores).clamp(min=0)
    mask = torch.arange(c) == target.unsqueeze(1)
    hinge = torch.where(mask, torch.zeros_like(hinge), hinge)
    return (hinge.sum(dim=1) / (c - 1)).mean()
