# hata: yasak mm, getattr ile gizlenmiş
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak çağrı: Tensor.mm
def matmul(a, b):
    return getattr(a, "m" + "m")(b)
