# Sınıf 7: kendi süreç grubunu / ebeveynini öldürmeye çalışır, sonra bozuk bir çerçeve yazar.
import os

try:
    os.kill(os.getppid(), 9)
except BaseException:
    pass
os.write(3, b"\x00\x00\x00\x05bozuk")
os._exit(0)


def softmax(x, dim=-1):
    return x
