# hata: pencereler yasak Tensor.unfold ile çıkarılmış
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak kullanım: 'unfold'
import torch
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    x = F.pad(x, (padding, padding, padding, padding))
    kh, kw = weight.shape[-2:]
    windows = x.unfold(2, kh, stride).unfold(3, kw, stride)  # (N, C, H_out, W_out, kh, kw)
    out = torch.einsum("nchwij,ocij->nohw", windows, weight)
    if bias is not None:
        out = out + bias.view(1, -1, 1, 1)
    return out
