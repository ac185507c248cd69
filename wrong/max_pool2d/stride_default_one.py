# hata: stride verilmediğinde 1 alınıyor; varsayılan kernel_size olmalı
# beklenen-denetim: 2×2 pencere, varsayılan kaydırma adımı
# beklenen-mesaj: stride verilmediğinde kaydırma adımı 1 alınmış
import torch


def max_pool2d(x, kernel_size, stride=None):
    if stride is None:
        stride = 1
    h, w = x.shape[-2:]
    out_h = (h - kernel_size) // stride + 1
    out_w = (w - kernel_size) // stride + 1
    out = None
    for i in range(kernel_size):
        for j in range(kernel_size):
            patch = x[
                ...,
                i : i + stride * (out_h - 1) + 1 : stride,
                j : j + stride * (out_w - 1) + 1 : stride,
            ]
            out = patch if out is None else torch.maximum(out, patch)
    return out
