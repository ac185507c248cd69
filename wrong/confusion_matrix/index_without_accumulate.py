# hata: m[target, pred] += 1 ile sayılıyor; tekrarlanan (gerçek, tahmin) çiftleri yalnızca bir kez sayılıyor
# beklenen-denetim: tekrarlanan (gerçek, tahmin) çiftleri
# beklenen-mesaj: tekrarlanan indeksleri yalnızca bir kez sayar
import torch


def confusion_matrix(pred, target, num_classes):
    m = torch.zeros(num_classes, num_classes, dtype=torch.long)
    m[target, pred] += 1
    return m
