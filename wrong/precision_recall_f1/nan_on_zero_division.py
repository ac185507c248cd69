# hata: bölmeler tensörlerle yapılıyor; payda 0 olunca kesinlik NaN çıkıyor
# beklenen-denetim: hiç pozitif tahmin yok (TP + FP = 0)
# beklenen-mesaj: Payda 0 olduğunda (hiç pozitif tahmin yoksa) kesinlik 0.0 kabul edilir
import torch


def precision_recall_f1(pred, target):
    tp = ((pred == 1) & (target == 1)).sum().float()
    fp = ((pred == 1) & (target == 0)).sum().float()
    fn = ((pred == 0) & (target == 1)).sum().float()
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    return precision.item(), recall.item(), f1.item()
