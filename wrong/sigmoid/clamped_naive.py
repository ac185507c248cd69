# hata: taşmayı önlemek için girdi ±10 aralığına kırpılmış; -20 gibi değerlerde sonuç yanlış çıkıyor
# beklenen-denetim: uç değerler (±1000): değer ve gradyan sonlu
# beklenen-mesaj: Girdi ±10 aralığına kırpılmış gibi
import torch


def sigmoid(x):
    x = x.clamp(-10, 10)
    return 1 / (1 + torch.exp(-x))
