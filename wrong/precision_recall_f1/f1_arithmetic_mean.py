# hata: F1 kesinlik ile duyarlılığın harmonik yerine aritmetik ortalaması olarak hesaplanıyor
# beklenen-denetim: F1 harmonik ortalamadır (kesinlik 1.0, duyarlılık 0.25)
# beklenen-mesaj: aritmetik değil harmonik ortalamasıdır
import torch


def precision_recall_f1(pred, target):
    tp = ((pred == 1) & (target == 1)).sum().item()
    fp = ((pred == 1) & (target == 0)).sum().item()
    fn = ((pred == 0) & (target == 1)).sum().item()
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (precision + recall) / 2
