# hata: __init__ içinde super().__init__() çağrılmamış; nn.Module alt modülleri kaydedemiyor
# beklenen-hata: exception
# beklenen-mesaj: cannot assign module before Module.__init__() call
from torch import nn


class SimpleCNN(nn.Module):
    def __init__(self, in_channels=1, num_classes=10):
        self.features = nn.Sequential(
            nn.Conv2d(in_channels, 8, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(8, 16, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.head = nn.Linear(16 * 7 * 7, num_classes)

    def forward(self, x):
        return self.head(self.features(x).flatten(1))
