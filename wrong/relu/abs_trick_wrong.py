# hata: (x + |x|) yerine |x| döndürülüyor; negatifler pozitife dönüyor
# beklenen-denetim: küçük girdiler
# beklenen-mesaj: Çıktınız girdinin mutlak değerine (|x|) eşit
import torch


def relu(x):
    return x.abs()
