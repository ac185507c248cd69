# hata: doğru sınıfın logit değeri satırın en büyüğüne eşitse doğru sayılıyor; eşitlikler hep doğru sayılır
# beklenen-denetim: eşit logit değerleri
# beklenen-mesaj: eşitlikleri hep doğru sayar
import torch


def accuracy(logits, target):
    true_logit = logits.gather(1, target.unsqueeze(1)).squeeze(1)
    return (true_logit >= logits.amax(dim=1)).float().mean().item()
