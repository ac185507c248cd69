# hata: yasak softmax getattr ile gizlenmiş; çalışma anında yakalanmalı
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak çağrı: torch.softmax
import torch


def softmax(x, dim=-1):
    return getattr(torch, "soft" + "max")(x, dim)
