# hata: mutlak değer alınmamış; pozitif ve negatif hatalar birbirini götürüyor
# beklenen-denetim: küçük girdiler (4×3)
# beklenen-mesaj: mutlak değeri alınmadan hesaplanan ortalamasına eşit
import torch


def l1_loss(pred, target):
    return (pred - target).mean()
