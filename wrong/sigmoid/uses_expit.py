# hata: yasak torch.special.expit
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak kullanım: 'expit'
import torch


def sigmoid(x):
    return torch.special.expit(x)
