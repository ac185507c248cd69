# hata: üs için -|x| kullanılmış; |x|'in 0'daki türevi 0 olduğundan x = 0'da gradyan 0.25 yerine 0 çıkıyor
# beklenen-denetim: uç değerler (±1000): değer ve gradyan sonlu
# beklenen-mesaj: x gradyanı
import torch


def sigmoid(x):
    z = torch.exp(-x.abs())
    return torch.where(x >= 0, 1 / (1 + z), z / (1 + z))
