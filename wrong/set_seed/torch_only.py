# hata: yalnızca torch tohumlanıyor; NumPy ve Python'un random modülü her çalıştırmada farklı sayılar veriyor
# beklenen-denetim: NumPy
# beklenen-mesaj: NumPy'nin küresel üreteci tohumlanmamış
import torch


def set_seed(seed):
    torch.manual_seed(seed)
