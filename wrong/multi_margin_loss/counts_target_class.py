# hata: j = y terimi dışlanmamış; her örneğe fazladan margin / C ekleniyor
# beklenen-denetim: marjı aşan ve aşamayan örnekler
# beklenen-mesaj: j = y terimi toplamdan dışlanmamış
import torch


def multi_margin_loss(scores, target, margin=1.0):
    correct = scores.gather(1, target.unsqueeze(1))
    hinge = (margin - correct + scores).clamp(min=0)
    return (hinge.sum(dim=1) / scores.shape[1]).mean()
