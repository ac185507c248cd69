import random

import numpy as np
import torch


def set_seed(seed: int) -> None:
    random.seed(seed)  # Python'un random modülü
    np.random.seed(seed)  # NumPy'nin küresel üreteci
    torch.manual_seed(seed)  # torch: CPU ve bütün CUDA cihazları
