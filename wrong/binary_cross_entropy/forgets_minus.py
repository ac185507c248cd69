# hata: baştaki eksi işareti unutulmuş; kayıp negatif çıkıyor
# beklenen-denetim: küçük girdiler (8,)
# beklenen-mesaj: baştaki eksi unutulmuş
import torch


def binary_cross_entropy(probs, target):
    log_p = torch.log(probs).clamp(min=-100)
    log_not_p = torch.log(1 - probs).clamp(min=-100)
    return (target * log_p + (1 - target) * log_not_p).mean()
