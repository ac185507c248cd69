# hata: log-sum-exp kaydırmasız; exp(10000) taşar
# beklenen-denetim: büyük değerler (sayısal kararlılık)
# beklenen-mesaj: log Σ exp(x), en büyük değer çıkarılmadan hesaplanmış
import torch


def log_softmax(x, dim=-1):
    return x - torch.log(torch.exp(x).sum(dim=dim, keepdim=True))
