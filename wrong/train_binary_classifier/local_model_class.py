# hata: modelin sınıfı fonksiyonun içinde tanımlanmış; dönen model kaydedilip görülmemiş noktaların sınandığı ayrı sürece aktarılamıyor
# beklenen-denetim: doğruluk (görülmemiş noktalar)
# beklenen-mesaj: dosyanın en üst düzeyinde tanımlayın
import torch
from torch import nn


def train_binary_classifier(X, y):
    class CircleNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer("mean", X.mean(dim=0))
            self.register_buffer("std", X.std(dim=0))
            self.net = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 1))

        def forward(self, x):
            return self.net((x - self.mean) / self.std)

    model = CircleNet()
    loss_fn = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
    for _ in range(300):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
    return model
