# hata: sigmoid elle hesaplanıp log'u alınıyor; ±1000'de σ tam 0 ya da 1 olur, log(0) NaN/inf verir
# beklenen-denetim: büyük logit değerleri (±1000): değer ve gradyan sonlu
# beklenen-mesaj: σ(x) önce hesaplanıp logaritması alınmış
import torch


def bce_with_logits(logits, target):
    p = 1 / (1 + torch.exp(-logits))
    return -(target * torch.log(p) + (1 - target) * torch.log(1 - p)).mean()
