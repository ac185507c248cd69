# hata: argsort küçükten büyüğe sıralıyor; en büyük değil en küçük k logit değerinin sınıflarına bakılıyor
# beklenen-denetim: küçük yığın (8 örnek, 5 sınıf, k = 2)
# beklenen-mesaj: `argsort` varsayılan olarak küçükten büyüğe sıralar
import torch


def top_k_accuracy(logits, target, k):
    top_classes = logits.argsort(dim=1)[:, :k]
    return (top_classes == target.unsqueeze(1)).any(dim=1).float().mean().item()
