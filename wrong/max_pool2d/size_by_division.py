# hata: çıktı boyutu H // kernel_size ile hesaplanıyor; yalnızca stride == kernel_size iken doğru
# beklenen-denetim: örtüşen pencereler (kernel_size=3, stride=2)
# beklenen-mesaj: Çıktı boyutu H // kernel_size ile hesaplanmış gibi
import torch


def max_pool2d(x, kernel_size, stride=None):
    if stride is None:
        stride = kernel_size
    h, w = x.shape[-2:]
    out_h = h // kernel_size
    out_w = w // kernel_size
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
