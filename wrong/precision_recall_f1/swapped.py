# hata: kesinlik ile duyarlılık yer değiştirmiş (kesinliğin paydasında FN, duyarlılığınkinde FP var)
# beklenen-denetim: küçük örnek (TP=3, FP=1, FN=2)
# beklenen-mesaj: kesinlik ile duyarlılığı karıştırmışsınızdır
import torch


def precision_recall_f1(pred, target):
    tp = ((pred == 1) & (target == 1)).sum().item()
    fp = ((pred == 1) & (target == 0)).sum().item()
    fn = ((pred == 0) & (target == 1)).sum().item()
    precision = tp / (tp + fn) if tp + fn else 0.0
    recall = tp / (tp + fp) if tp + fp else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
