# hata: tam bağlı katman tek havuzlama varmış gibi 16·14·14 öznitelik bekliyor; iki havuzlamadan sonra 16·7·7 geliyor
# beklenen-denetim: çıktı şekli (N, num_classes)
# beklenen-mesaj: Tam bağlı katmanın giriş boyutu evrişim çıktısının boyutuna uymuyor
import torch
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
        self.head = nn.Linear(16 * 14 * 14, num_classes)

    def forward(self, x):
        return self.head(torch.flatten(self.features(x), 1))
