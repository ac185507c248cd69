# hata: değer yerine maske döndürülüyor (veri tipi bool)
# beklenen-denetim: küçük girdiler
# beklenen-mesaj: veri tipi farklı
import torch


def relu(x):
    return x > 0
