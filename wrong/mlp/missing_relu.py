# hata: ikinci gizli katmandan sonraki ReLU unutulmuş; iki Linear art arda tek bir doğrusal katmana eşdeğer
# beklenen-denetim: küçük boyutlar (12 → 7 → 3), (N, 12) girdi
# beklenen-mesaj: ikinci gizli katmandan sonraki ReLU olmadan hesaplanana eşit
from torch import nn


class MLP(nn.Module):
    def __init__(self, in_features=784, hidden=512, num_classes=10):
        super().__init__()
        self.net = nn.Sequential(
            nn.Flatten(),
            nn.Linear(in_features, hidden),
            nn.ReLU(),
            nn.Linear(hidden, hidden),
            nn.Linear(hidden, num_classes),
        )

    def forward(self, x):
        return self.net(x)
