# hata: ilk evrişim katmanı in_channels yerine 1 kanal bekliyor; renkli (3 kanallı) girdide hata veriyor
# beklenen-denetim: çıktı şekli (N, num_classes)
# beklenen-mesaj: `in_channels` argümanını ilk `nn.Conv2d` katmanına verin
from torch import nn


class SimpleCNN(nn.Module):
    def __init__(self, in_channels=1, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 8, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(8, 16, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.head = nn.Linear(16 * 7 * 7, num_classes)

    def forward(self, x):
        return self.head(self.features(x).flatten(1))
