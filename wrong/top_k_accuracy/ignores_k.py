# hata: k kullanılmıyor; yalnızca argmax'a bakılıyor (her k için top-1 doğruluğu)
# beklenen-denetim: k = C (her örnek doğru)
# beklenen-mesaj: `k` argümanını kullanmıyordur
import torch


def top_k_accuracy(logits, target, k):
    return (logits.argmax(dim=1) == target).float().mean().item()
