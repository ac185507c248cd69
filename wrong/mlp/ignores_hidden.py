# hata: gizli katman genişliği 512 olarak sabit yazılmış; hidden argümanı yok sayılıyor
# beklenen-denetim: küçük boyutlar (12 → 7 → 3), (N, 12) girdi
# beklenen-mesaj: Parametre sayısı 171 olmalı
from torch import nn


class MLP(nn.Module):
    def __init__(self, in_features=784, hidden=512, num_classes=10):
        super().__init__()
        self.net = nn.Sequential(
            nn.Flatten(),
            nn.Linear(in_features, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, num_classes),
        )

    def forward(self, x):
        return self.net(x)
