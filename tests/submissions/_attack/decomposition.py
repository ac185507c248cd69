# Sınıf 4: PyTorch'un kendi Python ayrıştırması (decomposition): yalnızca temel işlemlerden oluşur.
import torch

private = getattr(torch, "_de" + "comp")
decompositions = getattr(private, "decompositions")


def softmax(x, dim=-1):
    return getattr(decompositions, "_soft" + "max")(x, dim, False)
