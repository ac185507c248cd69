# Sınıf 7: 5 MB'lık bir istisna iletisi; her denetime kopyalanmamalı.
def softmax(x, dim=-1):
    raise ValueError("ç" * 5_000_000)
