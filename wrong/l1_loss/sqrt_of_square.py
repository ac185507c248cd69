# hata: mutlak değer sqrt(x²) ile alınıyor; hata sıfır olan elemanlarda gradyan NaN
# beklenen-denetim: sıfır hata içeren elemanlar
# beklenen-mesaj: `sqrt(x ** 2)` ise 0'da NaN gradyan verir
import torch


def l1_loss(pred, target):
    return torch.sqrt((pred - target) ** 2).mean()
