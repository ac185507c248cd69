# hata: yasak nn.ReLU, değişken adıyla gizlenmiş
# beklenen-hata: forbidden
# beklenen-mesaj: torch.nn.functional.relu
import torch
from torch import nn

layer = getattr(nn, "Re" + "LU")()


def relu(x):
    return layer(x)
