# hata: log(1 + e^x) doğrudan hesaplanıyor; x = 1000'de exp taşar ve kayıp sonsuz olur
# beklenen-denetim: büyük logit değerleri (±1000): değer ve gradyan sonlu
# beklenen-mesaj: log(1 + e^x) doğrudan hesaplanmış
import torch


def bce_with_logits(logits, target):
    return (torch.log1p(torch.exp(logits)) - target * logits).mean()
