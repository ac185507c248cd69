# Sınıf 4 (matmul): torch._C._nn.linear, adı parça parça kurularak.
import torch


def matmul(a, b):
    private = getattr(torch, "_" + "C")
    return getattr(getattr(private, "_nn"), "lin" + "ear")(a, b.t())
