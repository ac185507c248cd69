# hata: girdi düzleştirilmiyor; (N, 1, 28, 28) görüntü doğrudan Linear katmanına veriliyor
# beklenen-denetim: tek kanallı girdi (N, 1, 12)
# beklenen-mesaj: Girdi düzleştirilmemiş
from torch import nn


class MLP(nn.Module):
    def __init__(self, in_features=784, hidden=512, num_classes=10):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(in_features, hidden),
            nn.ReLU(),
            nn.Linear(hidden, hidden),
            nn.ReLU(),
            nn.Linear(hidden, num_classes),
        )

    def forward(self, x):
        return self.layers(x)
