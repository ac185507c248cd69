# hata: doğru sınıftan kesin büyük logit değeri k'dan azsa isabet sayılıyor; k sınırındaki eşitlikler hep lehine sayılıyor
# beklenen-denetim: eşit logit değerleri (k sınırında eşitlik)
# beklenen-mesaj: kuralı eşitlikleri hep lehine sayar
import torch


def top_k_accuracy(logits, target, k):
    true_logit = logits.gather(1, target.unsqueeze(1))
    higher = (logits > true_logit).sum(dim=1)
    return (higher < k).float().mean().item()
