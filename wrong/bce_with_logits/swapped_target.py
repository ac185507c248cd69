# hata: hedef ters kullanılmış: t · x yerine (1 - t) · x çıkarılıyor
# beklenen-denetim: küçük girdiler (8,)
# beklenen-mesaj: Hedef ters kullanılmış: kaybınız hedef yerine 1 − hedef ile hesaplanana eşit
import torch


def bce_with_logits(logits, target):
    pos = logits >= 0
    z = torch.exp(torch.where(pos, -logits, logits))
    softplus = torch.where(pos, logits, torch.zeros_like(logits)) + torch.log1p(z)
    return (softplus - (1 - target) * logits).mean()
