# hata: evrişim yok; 3. dersteki gibi düzleştirip tam bağlı katmanlar kullanan bir MLP gönderilmiş
# beklenen-denetim: evrişimden önce düzleştirme yok
# beklenen-mesaj: evrişim katmanı (`nn.Conv2d`) var; en az iki tane olmalı
from torch import nn


class SimpleCNN(nn.Module):
    def __init__(self, in_channels=1, num_classes=10):
        super().__init__()
        self.net = nn.Sequential(
            nn.Flatten(),
            nn.Linear(in_channels * 28 * 28, 100),
            nn.ReLU(),
            nn.Linear(100, num_classes),
        )

    def forward(self, x):
        return self.net(x)
