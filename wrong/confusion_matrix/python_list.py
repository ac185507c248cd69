# hata: matris iç içe Python listesi olarak döndürülüyor; tensör bekleniyor
# beklenen-denetim: küçük örnek (3 sınıf)
# beklenen-mesaj: tensör bekleniyordu, list geldi
import torch


def confusion_matrix(pred, target, num_classes):
    m = [[0] * num_classes for _ in range(num_classes)]
    for t, p in zip(target.tolist(), pred.tolist()):
        m[t][p] += 1
    return m
