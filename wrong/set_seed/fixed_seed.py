# hata: seed argümanı kullanılmıyor; her çağrı sabit 42 tohumunu kullanıyor
# beklenen-denetim: farklı tohumlar farklı sayılar
# beklenen-mesaj: seed kullanılmıyor
import random

import numpy as np
import torch


def set_seed(seed):
    random.seed(42)
    np.random.seed(42)
    torch.manual_seed(42)
