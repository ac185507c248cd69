# hata: matris çarpımı yerine eleman bazında çarpım; kare olmayan şekillerde çöker
# beklenen-denetim: kare matrisler (3×3)
# beklenen-mesaj: Çıktınız eleman eleman çarpıma (a * b) eşit
def matmul(a, b):
    return a * b
