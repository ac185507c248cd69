# hata: ortalama ve std bütün tensörden tek bir sayı olarak alınmış; her öznitelik için ayrı hesaplanmıyor
# beklenen-denetim: sıradan veri
# beklenen-mesaj: her öznitelik (sütun) için ayrı
import torch


def standardize(train_x, val_x):
    mean = train_x.mean()
    std = train_x.std(correction=0)
    return (train_x - mean) / std, (val_x - mean) / std
