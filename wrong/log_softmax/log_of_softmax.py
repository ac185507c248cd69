# hata: log(softmax(x)); büyük farklarda olasılık 0'a yuvarlanır ve log(0) = -inf olur
# beklenen-denetim: büyük değerler (sayısal kararlılık)
# beklenen-mesaj: log(softmax(x)) hesaplanmış
import torch


def log_softmax(x, dim=-1):
    e = torch.exp(x - x.amax(dim=dim, keepdim=True))
    return torch.log(e / e.sum(dim=dim, keepdim=True))
