# hata: yasak evrişim getattr ile gizlenmiş; çalışma anında yakalanmalı
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak çağrı: torch.conv2d
import torch


def conv2d(x, weight, bias=None, stride=1, padding=0):
    conv = getattr(torch, "conv" + "2d")
    return conv(x, weight, bias, stride, padding)
