# hata: keepdim unutulmuş; toplam yanlış yayımlanıyor (kare olmayan girdide şekil hatası)
# beklenen-denetim: kare girdi (4×4)
# beklenen-mesaj: Toplam `keepdim=True` olmadan alınmış
import torch


def softmax(x, dim=-1):
    e = torch.exp(x - x.max())
    return e / e.sum(dim=dim)
