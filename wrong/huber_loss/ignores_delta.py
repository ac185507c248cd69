# hata: delta argümanı yok sayılıyor, sınır hep 1
# beklenen-denetim: delta=0.5
# beklenen-mesaj: delta argümanı kullanılmamış: kaybınız delta = 1 ile hesaplanana eşit
import torch


def huber_loss(pred, target, delta=1.0):
    error = (pred - target).abs()
    return torch.where(error < 1.0, 0.5 * error**2, error - 0.5).mean()
