# hata: girdiler "güvenlik için" float32'ye çevriliyor; float64 veri float32 olarak dönüyor
# beklenen-denetim: float64
# beklenen-mesaj: veri tipi farklı; beklenen torch.float64
import torch


def standardize(train_x, val_x):
    train_x, val_x = train_x.float(), val_x.float()
    mean = train_x.mean(dim=0)
    std = train_x.std(dim=0, correction=0)
    std = torch.where(std == 0, torch.ones_like(std), std)
    return (train_x - mean) / std, (val_x - mean) / std
