# hata: yasak @ işleci
# beklenen-hata: forbidden
# beklenen-mesaj: @
def matmul(a, b):
    return a @ b
