# hata: girdi reshape ile k×k bloklara bölünüyor; boyutlar bölünmezse ve stride ≠ kernel_size iken çalışmaz
# beklenen-denetim: çekirdeğe bölünmeyen boyutlar (7×9, kernel_size=2)
# beklenen-mesaj: RuntimeError
def max_pool2d(x, kernel_size, stride=None):
    n, c, h, w = x.shape
    k = kernel_size
    blocks = x.reshape(n, c, h // k, k, w // k, k)
    return blocks.amax(dim=(3, 5))
