# hata: yasak F.l1_loss getattr ile gizlenmiş; çalışma anında yakalanmalı
# beklenen-hata: forbidden
# beklenen-mesaj: l1_loss
import torch.nn.functional as F


def l1_loss(pred, target):
    return getattr(F, "l1" + "_loss")(pred, target)
