# hata: matris çarpımı yerine eleman bazında çarpım; kare olmayan şekillerde çöker
# beklenen-denetim: kare olmayan şekiller (4×5 · 5×2)
# beklenen-mesaj: RuntimeError
def matmul(a, b):
    return a * b
