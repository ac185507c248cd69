# hata: MLP alışkanlığıyla girdi forward'ın başında düzleştiriliyor; evrişimler 4 boyutlu girdi alamıyor
# beklenen-denetim: evrişimden önce düzleştirme yok
# beklenen-mesaj: Girdi evrişim katmanlarından önce düzleştirilmiş
from torch import nn


class SimpleCNN(nn.Module):
    def __init__(self, in_channels=1, num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, 8, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(8, 16, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.relu = nn.ReLU()
        self.fc = nn.Linear(16 * 7 * 7, num_classes)

    def forward(self, x):
        x = x.flatten(1)
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        return self.fc(x.flatten(1))
