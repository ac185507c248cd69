# hata: yasak nn.MultiMarginLoss kullanılmış
# beklenen-hata: forbidden
# beklenen-mesaj: MultiMarginLoss
import torch.nn as nn


def multi_margin_loss(scores, target, margin=1.0):
    return nn.MultiMarginLoss(margin=margin)(scores, target)
