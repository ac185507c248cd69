# hata: yasak einsum
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak kullanım: 'einsum'
import torch


def matmul(a, b):
    return torch.einsum("ik,kj->ij", a, b)
