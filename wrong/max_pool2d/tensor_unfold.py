# hata: pencereler yasak Tensor.unfold ile çıkarılmış
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak kullanım: 'unfold'
def max_pool2d(x, kernel_size, stride=None):
    stride = stride or kernel_size
    windows = x.unfold(2, kernel_size, stride).unfold(3, kernel_size, stride)
    return windows.amax(dim=(-2, -1))
