# hata: payda 0 olabileceği düşünülmemiş; Python bölmesi ZeroDivisionError veriyor
# beklenen-denetim: hiç pozitif tahmin yok (TP + FP = 0)
# beklenen-mesaj: Sıfıra bölme
import torch


def precision_recall_f1(pred, target):
    tp = ((pred == 1) & (target == 1)).sum().item()
    fp = ((pred == 1) & (target == 0)).sum().item()
    fn = ((pred == 0) & (target == 1)).sum().item()
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    return precision, recall, 2 * precision * recall / (precision + recall)
