# hata: eleman başına kayıplar indirgenmeden döndürülüyor (reduction="none" gibi)
# beklenen-denetim: küçük girdiler (4×3)
# beklenen-mesaj: eleman başına kayıpların ortalamasını alın
import torch


def mse_loss(pred, target):
    return (pred - target) ** 2
