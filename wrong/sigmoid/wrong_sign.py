# hata: üsteki işaret yanlış; sigmoid(-x) hesaplanıyor
# beklenen-denetim: küçük girdiler
# beklenen-mesaj: Çıktınız σ(−x)'e, yani 1 − σ(x)'e eşit
import torch


def sigmoid(x):
    z = torch.exp(-x.abs())
    return torch.where(x >= 0, z / (1 + z), 1 / (1 + z))
