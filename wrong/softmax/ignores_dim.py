# hata: dim argümanı yok sayılıyor, hep son boyut kullanılıyor
# beklenen-denetim: dim=0
# beklenen-mesaj: tolerans dışında
import torch


def softmax(x, dim=-1):
    m = x.amax(dim=-1, keepdim=True)
    e = torch.exp(x - m)
    return e / e.sum(dim=-1, keepdim=True)
