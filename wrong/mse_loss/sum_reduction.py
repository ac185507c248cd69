# hata: ortalama yerine toplam alınıyor (reduction="sum" gibi)
# beklenen-denetim: küçük girdiler (4×3)
# beklenen-mesaj: Gelen değer beklenenin tam 12 katı: ortalama yerine toplam mı alındı?
import torch


def mse_loss(pred, target):
    return ((pred - target) ** 2).sum()
