# hata: dim argümanı yok sayılıyor, hep son boyut kullanılıyor
# beklenen-denetim: dim=0
# beklenen-mesaj: Çıktınız, softmax işleminin son boyut (dim=-1) boyunca alınmış hâline eşit; bu durumda dim=0 istendi
import torch


def softmax(x, dim=-1):
    m = x.amax(dim=-1, keepdim=True)
    e = torch.exp(x - m)
    return e / e.sum(dim=-1, keepdim=True)
