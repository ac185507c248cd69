# hata: üç metrik Python sayısına çevrilmeden 0 boyutlu tensörler olarak döndürülüyor
# beklenen-denetim: küçük örnek (TP=3, FP=1, FN=2)
# beklenen-mesaj: 0 boyutlu tensörleri `.item()` ile çevirin
import torch


def precision_recall_f1(pred, target):
    tp = ((pred == 1) & (target == 1)).sum()
    fp = ((pred == 1) & (target == 0)).sum()
    fn = ((pred == 0) & (target == 1)).sum()
    precision = tp / (tp + fp) if tp + fp > 0 else torch.tensor(0.0)
    recall = tp / (tp + fn) if tp + fn > 0 else torch.tensor(0.0)
    if precision + recall > 0:
        f1 = 2 * precision * recall / (precision + recall)
    else:
        f1 = torch.tensor(0.0)
    return precision, recall, f1
