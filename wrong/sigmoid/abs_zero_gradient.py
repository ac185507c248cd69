# hata: üs için -|x| kullanılmış; |x|'in 0'daki türevi 0 olduğundan x = 0'da gradyan 0.25 yerine 0 çıkıyor
# beklenen-denetim: x = 0'da gradyan
# beklenen-mesaj: Üs `-x.abs()` ile yazılırsa PyTorch |x|'in 0'daki türevini 0 alır
import torch


def sigmoid(x):
    z = torch.exp(-x.abs())
    return torch.where(x >= 0, 1 / (1 + z), z / (1 + z))
