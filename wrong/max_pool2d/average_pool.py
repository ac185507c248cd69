# hata: pencerenin en büyüğü yerine ortalaması alınıyor (ortalama havuzlama)
# beklenen-denetim: 2×2 pencere, varsayılan kaydırma adımı
# beklenen-mesaj: Çıktınız pencerelerin ortalamasına eşit
def max_pool2d(x, kernel_size, stride=None):
    if stride is None:
        stride = kernel_size
    h, w = x.shape[-2:]
    out_h = (h - kernel_size) // stride + 1
    out_w = (w - kernel_size) // stride + 1
    total = 0
    for i in range(kernel_size):
        for j in range(kernel_size):
            total = (
                total
                + x[
                    ...,
                    i : i + stride * (out_h - 1) + 1 : stride,
                    j : j + stride * (out_w - 1) + 1 : stride,
                ]
            )
    return total / (kernel_size * kernel_size)
