"""Kontrol noktası: modeli, eniyileyiciyi ve dönemi kaydedip eğitimi aynen sürdürmek.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit checkpoint
Takılırsanız:  tutor hint checkpoint
"""

import torch
from torch import nn


def save_checkpoint(
    path: str, model: nn.Module, optimizer: torch.optim.Optimizer, epoch: int
) -> None:
    # Kaldığınız yerden aynen devam etmek için gereken her şeyi tek bir dosyaya yazın.
    raise NotImplementedError("save_checkpoint henüz yazılmadı")


def load_checkpoint(path: str, model: nn.Module, optimizer: torch.optim.Optimizer) -> int:
    # Verilen modele ve eniyileyiciye yükleyin; kaydedilen dönemi döndürün.
    raise NotImplementedError("load_checkpoint henüz yazılmadı")
