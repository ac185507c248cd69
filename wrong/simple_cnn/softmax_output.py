# hata: model logit değerleri yerine softmax olasılıkları döndürüyor
# beklenen-denetim: logit değerleri (son katmandan sonra aktivasyon yok)
# beklenen-mesaj: model olasılık döndürüyor, logit değeri değil
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
        self.head = nn.Linear(16 * 7 * 7, num_classes)

    def forward(self, x):
        logits = self.head(self.features(x).flatten(1))
        return torch.softmax(logits, dim=1)
