"""train_binary_classifier: iç içe iki çemberi ayıran bir ikili sınıflandırıcı eğitmek.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit train_binary_classifier
Takılırsanız:  tutor hint train_binary_classifier
"""

import torch
from torch import nn


def train_binary_classifier(X: torch.Tensor, y: torch.Tensor) -> nn.Module:
    # Döndürdüğünüz model ham girdiyi alıp şekli (N, 1) olan logit değerleri vermeli.
    raise NotImplementedError("train_binary_classifier henüz yazılmadı")
