# hata: yasak nn.MSELoss kullanılmış
# beklenen-hata: forbidden
# beklenen-mesaj: MSELoss
import torch.nn as nn


def mse_loss(pred, target):
    return nn.MSELoss()(pred, target)
