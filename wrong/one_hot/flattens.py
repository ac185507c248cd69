# hata: 2 boyutlu etiketler düzleştiriliyor; şekil (*labels.shape, C) olmalı
# beklenen-denetim: 2 boyutlu etiketler
# beklenen-mesaj: Etiketler düzleştirilmiş
import torch


def one_hot(labels, num_classes):
    flat = labels.reshape(-1)
    out = torch.zeros(flat.shape[0], num_classes, dtype=torch.long)
    out[torch.arange(flat.shape[0]), flat] = 1
    return out
