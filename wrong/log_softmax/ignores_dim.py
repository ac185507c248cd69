# hata: dim yok sayılıyor
# beklenen-denetim: dim=0
# beklenen-mesaj: Çıktınız, log_softmax işleminin son boyut (dim=-1) boyunca alınmış hâline eşit; bu durumda dim=0 istendi
import torch


def log_softmax(x, dim=-1):
    m = x.amax(dim=-1, keepdim=True)
    return x - m - torch.log(torch.exp(x - m).sum(dim=-1, keepdim=True))
