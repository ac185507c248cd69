# hata: yasak @ işleci
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak işleç: '@'
def matmul(a, b):
    return a @ b
