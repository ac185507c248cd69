# hata: sınıf sayısı num_classes yerine en büyük etiketten çıkarılıyor
# beklenen-denetim: etiketlerden fazla sınıf
# beklenen-mesaj: Sınıf sayısı etiketlerden çıkarılmış (en büyük etiket + 1 = 2)
import torch


def one_hot(labels, num_classes):
    n = int(labels.max()) + 1
    return (labels[..., None] == torch.arange(n)).long()
