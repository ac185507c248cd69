# hata: yasak mm, getattr ile gizlenmiş
# beklenen-hata: forbidden
# beklenen-mesaj: mm
def matmul(a, b):
    return getattr(a, "m" + "m")(b)
