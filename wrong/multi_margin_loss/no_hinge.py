# hata: max(0, ·) unutulmuş; marjı aşan sınıflar negatif kayıp ekleyip ötekileri gizliyor
# beklenen-denetim: marjı aşan ve aşamayan örnekler
# beklenen-mesaj: max(0, ·) unutulmuş
import torch


def multi_margin_loss(scores, target, margin=1.0):
    c = scores.shape[1]
    correct = scores.gather(1, target.unsqueeze(1))
    terms = margin - correct + scores
    mask = torch.arange(c) == target.unsqueeze(1)
    terms = torch.where(mask, torch.zeros_like(terms), terms)
    return (terms.sum(dim=1) / c).mean()
