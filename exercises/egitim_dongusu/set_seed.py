"""set_seed: kullanılan bütün rastgele sayı üreteçlerini tek bir tohumla başlatmak.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit set_seed
Takılırsanız:  tutor hint set_seed
"""


def set_seed(seed: int) -> None:
    # Kullanılan her üreteç: Python'un random modülü, NumPy'nin küresel üreteci ve torch.
    raise NotImplementedError("set_seed henüz yazılmadı")
