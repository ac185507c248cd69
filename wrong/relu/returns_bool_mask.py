# hata: değer yerine maske döndürülüyor (veri tipi bool)
# beklenen-denetim: küçük girdiler
# beklenen-mesaj: `x > 0` maskesinin kendisi
import torch


def relu(x):
    return x > 0
