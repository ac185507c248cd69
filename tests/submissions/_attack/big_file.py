# Sınıf 2: dosya boyutu sınırı. Kendi geçici klasörüne 200 MB yazmaya çalışır.
with open("buyuk.bin", "wb") as handle:
    for _ in range(200):
        handle.write(b"\0" * (1 << 20))


def softmax(x, dim=-1):
    return x * 0
