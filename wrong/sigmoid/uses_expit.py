# hata: yasak torch.special.expit
# beklenen-hata: forbidden
# beklenen-mesaj: expit
import torch


def sigmoid(x):
    return torch.special.expit(x)
