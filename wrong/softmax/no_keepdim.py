# hata: keepdim unutulmuş; toplam yanlış yayımlanıyor (kare olmayan girdide şekil hatası)
# beklenen-denetim: küçük girdiler
# beklenen-mesaj: RuntimeError
import torch


def softmax(x, dim=-1):
    e = torch.exp(x - x.max())
    return e / e.sum(dim=dim)
