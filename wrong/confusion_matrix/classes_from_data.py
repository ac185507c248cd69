# hata: sınıf sayısı num_classes yerine verilerden (en büyük etiket + 1) çıkarılıyor; görünmeyen sınıflar kayboluyor
# beklenen-denetim: verilerde görünmeyen sınıflar (5 sınıftan 2'si yok)
# beklenen-mesaj: Sınıf sayısını verilerden (`max() + 1`) çıkarmayın
import torch


def confusion_matrix(pred, target, num_classes):
    c = int(max(pred.max(), target.max())) + 1 if len(pred) else num_classes
    codes = target * c + pred
    return torch.bincount(codes, minlength=c * c).reshape(c, c)
