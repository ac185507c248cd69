# hata: yasak F.logsigmoid kullanılmış (sigmoid'in bir biçimi)
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak kullanım: 'logsigmoid'
import torch.nn.functional as F


def bce_with_logits(logits, target):
    return -(target * F.logsigmoid(logits) + (1 - target) * F.logsigmoid(-logits)).mean()
