# hata: exp(x) / (1 + exp(x)); +1000'de inf/inf = NaN
# beklenen-denetim: uç değerler (±1000): değer ve gradyan sonlu
# beklenen-mesaj: exp(x) / (1 + exp(x)) biçimi hesaplanmış
import torch


def sigmoid(x):
    e = torch.exp(x)
    return e / (1 + e)
