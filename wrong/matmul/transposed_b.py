# hata: b'nin devriği kullanılıyor (satır · satır); kare matriste yanlış değer, diğerlerinde şekil hatası
# beklenen-denetim: kare matrisler (3×3)
# beklenen-mesaj: Çıktınız a @ b.T'ye eşit
def matmul(a, b):
    return (a[:, None, :] * b[None, :, :]).sum(dim=2)
