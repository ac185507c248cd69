# Sınıf 4 (matmul): yasak @'ın ters yöntemi; aynı ATen çekirdeğine (mm) ulaşır.
def matmul(a, b):
    return getattr(b, "__rmat" + "mul__")(a)
