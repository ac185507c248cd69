# hata: formül doğrudan yazılmış; -1000'de exp(1000) = inf ve gradyan NaN olur
# beklenen-denetim: büyük negatif girdiler: gradyan sonlu
# beklenen-mesaj: gradyanında inf / inf = NaN oluşur
import torch


def sigmoid(x):
    return 1 / (1 + torch.exp(-x))
