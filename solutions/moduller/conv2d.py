import torch
import torch.nn.functional as F


def conv2d(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor | None = None,
    stride: int = 1,
    padding: int = 0,
) -> torch.Tensor:
    # Dolgu (padding): yükseklik ve genişliğin iki yanına da `padding` kadar sıfır.
    if padding > 0:
        x = F.pad(x, (padding, padding, padding, padding))
    _, _, height, width = x.shape  # dolgulu boyutlar: H + 2p, W + 2p
    _, _, kernel_h, kernel_w = weight.shape
    out_h = (height - kernel_h) // stride + 1
    out_w = (width - kernel_w) // stride + 1

    out = None
    # Çekirdeğin her (i, j) konumu için: pencerelerin o konumdaki bütün girdi değerleri
    # tek bir dilimdir; kaydırma adımı (stride) dilimdeki aralık olur.
    for i in range(kernel_h):
        for j in range(kernel_w):
            patch = x[
                :,
                :,
                i : i + stride * (out_h - 1) + 1 : stride,
                j : j + stride * (out_w - 1) + 1 : stride,
            ]  # (N, C_in, H_out, W_out)
            # Giriş kanalları boyunca toplam: (N, C_in, H, W) · (C_out, C_in) → (N, C_out, H, W)
            term = torch.einsum("nchw,oc->nohw", patch, weight[:, :, i, j])
            out = term if out is None else out + term
    if bias is not None:
        out = out + bias.view(1, -1, 1, 1)  # her çıkış kanalına kendi sapması
    return out
