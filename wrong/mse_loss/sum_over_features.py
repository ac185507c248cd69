# hata: her örneğin özniteliklerinin toplamı alınıp yalnızca örnekler üzerinden ortalama alınıyor
# beklenen-denetim: küçük girdiler (4×3)
# beklenen-mesaj: Her örneğin kare hataları son boyut boyunca toplanmış
import torch


def mse_loss(pred, target):
    return ((pred - target) ** 2).sum(dim=-1).mean()
