# hata: yasak F.dropout getattr ile gizlenmiş; çalışma anında yakalanmalı
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak çağrı: torch.nn.functional.dropout
import torch.nn.functional as F
from torch import nn

drop = getattr(F, "drop" + "out")


class Dropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        self.p = p

    def forward(self, x):
        return drop(x, self.p, self.training)
