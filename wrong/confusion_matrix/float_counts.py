# hata: matris torch.zeros ile varsayılan float32 tipinde kuruluyor; sayımlar int64 olmalı
# beklenen-denetim: küçük örnek (3 sınıf)
# beklenen-mesaj: veri tipi farklı; beklenen torch.int64, gelen torch.float32
import torch


def confusion_matrix(pred, target, num_classes):
    m = torch.zeros(num_classes, num_classes)
    for t, p in zip(target.tolist(), pred.tolist()):
        m[t, p] += 1
    return m
