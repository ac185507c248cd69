# hata: etiketler 1'den başlıyormuş gibi bir sıra kaydırılmış
# beklenen-denetim: üç sınıf
# beklenen-mesaj: her etiketin 1'i bir sütun sola kaymış
import torch


def one_hot(labels, num_classes):
    return (labels[..., None] - 1 == torch.arange(num_classes)).long()
