# hata: eğitim kümesi yerinde dönüştürülüyor; çağıranın train_x tensörü bozuluyor
# beklenen-denetim: sıradan veri
# beklenen-mesaj: train_x girdisi yerinde değiştirilmiş
import torch


def standardize(train_x, val_x):
    mean = train_x.mean(dim=0)
    std = train_x.std(dim=0, correction=0)
    std = torch.where(std == 0, torch.ones_like(std), std)
    train_x.sub_(mean).div_(std)
    return train_x, (val_x - mean) / std
