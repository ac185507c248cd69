# hata: TP `pred == target` ile sayılıyor; ikisinin de 0 olduğu gerçek negatifler de TP sayılıyor
# beklenen-denetim: her şey negatif (TP = FP = FN = 0)
# beklenen-mesaj: `pred == target` TP değildir
import torch


def precision_recall_f1(pred, target):
    tp = (pred == target).sum().item()
    fp = ((pred == 1) & (target == 0)).sum().item()
    fn = ((pred == 0) & (target == 1)).sum().item()
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
