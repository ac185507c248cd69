# hata: istatistikler eğitim ve doğrulama satırlarının birleşiminden hesaplanıyor (veri sızıntısı)
# beklenen-denetim: farklı dağılımdan doğrulama kümesi
# beklenen-mesaj: bu veri sızıntısıdır
import torch


def standardize(train_x, val_x):
    everything = torch.cat([train_x, val_x])
    mean = everything.mean(dim=0)
    std = everything.std(dim=0, correction=0)
    std = torch.where(std == 0, torch.ones_like(std), std)
    return (train_x - mean) / std, (val_x - mean) / std
