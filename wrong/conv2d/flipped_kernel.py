# hata: çekirdek ters çevrilmiş (matematikteki evrişim); PyTorch çapraz korelasyon hesaplar
# beklenen-denetim: tek kanal, 3×3 çekirdek, sapma yok
# beklenen-mesaj: çekirdeği 180° döndürülmüş
import torch
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    x = F.pad(x, (padding, padding, padding, padding))
    weight = torch.flip(weight, dims=(2, 3))
    kh, kw = weight.shape[-2:]
    out_h = (x.shape[2] - kh) // stride + 1
    out_w = (x.shape[3] - kw) // stride + 1
    out = 0
    for i in range(kh):
        for j in range(kw):
            patch = x[
                :,
                :,
                i : i + stride * (out_h - 1) + 1 : stride,
                j : j + stride * (out_w - 1) + 1 : stride,
            ]
            out = out + torch.einsum("nchw,oc->nohw", patch, weight[:, :, i, j])
    if bias is not None:
        out = out + bias.view(1, -1, 1, 1)
    return out
