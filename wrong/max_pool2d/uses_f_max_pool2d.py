# hata: yasak F.max_pool2d kullanılmış
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak kullanım: 'max_pool2d'
import torch.nn.functional as F


def max_pool2d(x, kernel_size, stride=None):
    return F.max_pool2d(x, kernel_size, stride)
