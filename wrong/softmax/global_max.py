# hata: satır başına değil, bütün tensörün en büyüğü çıkarılıyor; bazı satırlar 0/0 olur
# beklenen-denetim: büyük değerler (sayısal kararlılık)
# beklenen-mesaj: Çıkarılan en büyük değer, `dim` boyunca değil bütün tensör üzerinden alınmış
import torch


def softmax(x, dim=-1):
    e = torch.exp(x - x.max())
    return e / e.sum(dim=dim, keepdim=True)
