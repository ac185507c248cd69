# hata: np.random.default_rng(seed) yeni bir üreteç kurup atıyor; np.random'ın küresel üreteci tohumlanmıyor
# beklenen-denetim: NumPy
# beklenen-mesaj: np.random.default_rng(seed) yeni bir üreteç kurup döndürür
import random

import numpy as np
import torch


def set_seed(seed):
    random.seed(seed)
    np.random.default_rng(seed)
    torch.manual_seed(seed)
