# hata: en büyük değer çıkarılmadan exp alınıyor; büyük değerlerde inf/inf = NaN
# beklenen-denetim: büyük değerler (sayısal kararlılık)
# beklenen-mesaj: exp almadan önce en büyük değer çıkarılmamış
import torch


def softmax(x, dim=-1):
    e = torch.exp(x)
    return e / e.sum(dim=dim, keepdim=True)
