# hata: kayıp .item() ile Python sayısına çevrilmiş; gradyan geri akamaz
# beklenen-denetim: küçük girdiler (4×3)
# beklenen-mesaj: `.item()` ya da `float(...)` kaybı hesaplama çizgesinden koparır
import torch


def mse_loss(pred, target):
    return ((pred - target) ** 2).mean().item()
