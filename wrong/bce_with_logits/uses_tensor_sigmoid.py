# hata: yasak Tensor.sigmoid kullanılmış (getattr ile gizlenmiş)
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak çağrı: Tensor.sigmoid
import torch


def bce_with_logits(logits, target):
    p = getattr(logits, "sig" + "moid")()
    log_p = torch.log(p).clamp(min=-100)
    log_not_p = torch.log(1 - p).clamp(min=-100)
    return -(target * log_p + (1 - target) * log_not_p).mean()
