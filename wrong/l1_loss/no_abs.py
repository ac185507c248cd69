# hata: mutlak değer alınmamış; pozitif ve negatif hatalar birbirini götürüyor
# beklenen-denetim: küçük girdiler (4×3)
# beklenen-mesaj: tolerans dışında
import torch


def l1_loss(pred, target):
    return (pred - target).mean()
