# hata: ortalama yerine toplam alınıyor (reduction="sum" gibi)
# beklenen-denetim: küçük girdiler (4×3)
# beklenen-mesaj: tolerans dışında
import torch


def mse_loss(pred, target):
    return ((pred - target) ** 2).sum()
