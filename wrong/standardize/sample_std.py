# hata: torch.std'nin varsayılanı kullanılmış; kareler n'ye değil n − 1'e bölünüyor
# beklenen-denetim: az satırlı eğitim kümesi (n ile n − 1)
# beklenen-mesaj: varsayılanı n − 1'e böler
import torch


def standardize(train_x, val_x):
    mean = train_x.mean(dim=0)
    std = train_x.std(dim=0)
    std = torch.where(std == 0, torch.ones_like(std), std)
    return (train_x - mean) / std, (val_x - mean) / std
