# hata: formül doğrudan yazılmış; -1000'de exp(1000) = inf ve gradyan NaN olur
# beklenen-denetim: uç değerler (±1000): değer ve gradyan sonlu
# beklenen-mesaj: gradyanı
import torch


def sigmoid(x):
    return 1 / (1 + torch.exp(-x))
