# hata: hazır katman nn.MaxPool2d kullanılmış
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak kullanım: 'MaxPool2d'
from torch import nn


def max_pool2d(x, kernel_size, stride=None):
    return nn.MaxPool2d(kernel_size, stride)(x)
