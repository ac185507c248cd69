# hata: son tam bağlı katmandan sonra da ReLU var; negatif logit değerleri sıfırlanıyor
# beklenen-denetim: logit değerleri (son katmandan sonra aktivasyon yok)
# beklenen-mesaj: son katmandan sonra ReLU uygulanmış
from torch import nn


class SimpleCNN(nn.Module):
    def __init__(self, in_channels=1, num_classes=10):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Conv2d(in_channels, 8, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(8, 16, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(16 * 7 * 7, num_classes),
            nn.ReLU(),
        )

    def forward(self, x):
        return self.layers(x)
