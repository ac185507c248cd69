# hata: doğrulama kümesi eğitimin değil kendi ortalaması ve std'siyle dönüştürülüyor
# beklenen-denetim: farklı dağılımdan doğrulama kümesi
# beklenen-mesaj: kendi istatistikleriyle dönüştürmüşsünüz
import torch


def _scale(x):
    mean = x.mean(dim=0)
    std = x.std(dim=0, correction=0)
    std = torch.where(std == 0, torch.ones_like(std), std)
    return (x - mean) / std


def standardize(train_x, val_x):
    return _scale(train_x), _scale(val_x)
