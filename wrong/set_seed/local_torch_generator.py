# hata: torch.Generator().manual_seed(seed) yalnızca yeni, kullanılmayan bir üreteci tohumluyor; torch'un küresel üreteci tohumlanmıyor
# beklenen-denetim: torch
# beklenen-mesaj: yerel bir torch.Generator tohumlanmış
import random

import numpy as np
import torch


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.Generator().manual_seed(seed)
