# hata: yanlış boyut boyunca toplanıyor (dim=0)
# beklenen-denetim: kare matrisler (3×3)
# beklenen-mesaj: ortak boyut k yerine a'nın satırları (i) boyunca toplanmış
def matmul(a, b):
    return (a[:, :, None] * b[None, :, :]).sum(dim=0)
