# hata: son katmanın çıkış boyutu num_classes yerine 10 yazılmış; başka sınıf sayılarında çıktı şekli yanlış
# beklenen-denetim: çıktı şekli (N, num_classes)
# beklenen-mesaj: `num_classes` argümanını son `nn.Linear` katmanının çıkış boyutu olarak kullanın
from torch import nn


class SimpleCNN(nn.Module):
    def __init__(self, in_channels=1, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(in_channels, 8, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(8, 16, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.head = nn.Linear(16 * 7 * 7, 10)

    def forward(self, x):
        return self.head(self.features(x).flatten(1))
