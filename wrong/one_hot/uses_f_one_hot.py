# hata: yasak F.one_hot
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak kullanım: 'one_hot'
import torch.nn.functional as F


def one_hot(labels, num_classes):
    return F.one_hot(labels, num_classes)
