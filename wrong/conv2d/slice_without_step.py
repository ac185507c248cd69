# hata: çıktı boyutu doğru ama dilimdeki aralık (stride) unutulmuş; pencereler 1'er piksel kayıyor
# beklenen-denetim: stride=2
# beklenen-mesaj: pencereler 2 piksel değil 1'er piksel kaydırılmış
import torch
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    x = F.pad(x, (padding, padding, padding, padding))
    kh, kw = weight.shape[-2:]
    out_h = (x.shape[2] - kh) // stride + 1
    out_w = (x.shape[3] - kw) // stride + 1
    out = 0
    for i in range(kh):
        for j in range(kw):
            patch = x[:, :, i : i + out_h, j : j + out_w]
            out = out + torch.einsum("nchw,oc->nohw", patch, weight[:, :, i, j])
    if bias is not None:
        out = out + bias.view(1, -1, 1, 1)
    return out
