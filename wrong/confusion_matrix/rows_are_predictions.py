# hata: satırlar ile sütunlar yer değiştirmiş: satırlar tahmin, sütunlar gerçek sınıf (matrisin devriği)
# beklenen-denetim: küçük örnek (3 sınıf)
# beklenen-mesaj: Satır ile sütunu yer değiştirmek matrisin devriğini (transpose) verir
import torch


def confusion_matrix(pred, target, num_classes):
    codes = pred * num_classes + target
    counts = torch.bincount(codes, minlength=num_classes * num_classes)
    return counts.reshape(num_classes, num_classes)
