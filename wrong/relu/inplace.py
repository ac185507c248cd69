# hata: girdi yerinde değiştiriliyor
# beklenen-denetim: girdi yerinde değiştirilmemeli
# beklenen-mesaj: yerinde değiştirilmiş
import torch


def relu(x):
    x[x < 0] = 0
    return x
