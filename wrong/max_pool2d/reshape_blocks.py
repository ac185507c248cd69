# hata: girdi reshape ile k×k bloklara bölünüyor; boyutlar bölünmezse ve stride ≠ kernel_size iken çalışmaz
# beklenen-denetim: kaydırma adımı pencereden büyük (kernel_size=2, stride=3)
# beklenen-mesaj: Pencereler stride=3 kadar değil, kernel_size=2 kadar kaydırılmış
def max_pool2d(x, kernel_size, stride=None):
    n, c, h, w = x.shape
    k = kernel_size
    blocks = x.reshape(n, c, h // k, k, w // k, k)
    return blocks.amax(dim=(3, 5))
