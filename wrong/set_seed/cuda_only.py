# hata: torch için yalnızca CUDA üreteçleri tohumlanıyor; CPU'daki torch üreteci tohumlanmıyor
# beklenen-denetim: torch
# beklenen-mesaj: yalnızca CUDA üreteçleri tohumlanmış
import random

import numpy as np
import torch


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.cuda.manual_seed_all(seed)
