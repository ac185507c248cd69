# hata: Python'un random modülü tohumlanmıyor
# beklenen-denetim: Python random
# beklenen-mesaj: random modülü tohumlanmamış
import numpy as np
import torch


def set_seed(seed):
    np.random.seed(seed)
    torch.manual_seed(seed)
