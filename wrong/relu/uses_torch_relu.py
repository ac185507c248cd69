# hata: yasak torch.relu
# beklenen-hata: forbidden
# beklenen-mesaj: relu
import torch


def relu(x):
    return torch.relu(x)
