# hata: sınıf torch.autograd.Function'dan türetilmemiş; apply kendi yazılmış ve gradyan akmıyor
# beklenen-denetim: küçük girdiler
# beklenen-mesaj: torch.autograd.Function alt sınıfı
import torch


class SigmoidFunction:
    @staticmethod
    def apply(x):
        return 1 / (1 + torch.exp(-x))
