# hata: yasak F.smooth_l1_loss ile Huber elde edilmiş
# beklenen-hata: forbidden
# beklenen-mesaj: smooth_l1_loss
import torch.nn.functional as F


def huber_loss(pred, target, delta=1.0):
    return F.smooth_l1_loss(pred, target, beta=delta) * delta
