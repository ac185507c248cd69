# hata: yasak nn.BCELoss kullanılmış
# beklenen-hata: forbidden
# beklenen-mesaj: BCELoss
from torch.nn import BCELoss


def binary_cross_entropy(probs, target):
    return BCELoss()(probs, target)
