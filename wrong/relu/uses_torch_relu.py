# hata: yasak torch.relu
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak kullanım: 'relu'
import torch


def relu(x):
    return torch.relu(x)
