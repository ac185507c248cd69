# hata: sonuç float; int64 olmalı
# beklenen-denetim: üç sınıf
# beklenen-mesaj: one-hot tablosu tamsayıdır (torch.int64)
import torch


def one_hot(labels, num_classes):
    return (labels[..., None] == torch.arange(num_classes)).float()
