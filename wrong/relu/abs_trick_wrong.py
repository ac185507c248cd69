# hata: (x + |x|) yerine |x| döndürülüyor; negatifler pozitife dönüyor
# beklenen-denetim: küçük girdiler
# beklenen-mesaj: tolerans dışında
import torch


def relu(x):
    return x.abs()
