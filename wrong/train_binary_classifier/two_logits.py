# hata: ikili sınıflandırma için iki çıktılı model ve CrossEntropyLoss; çıktı (M, 1) değil (M, 2)
# beklenen-denetim: çıktının şekli
# beklenen-mesaj: (M, 1) olmalı
import torch
from torch import nn


def train_binary_classifier(X, y):
    model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 2))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    labels = y.squeeze(1).long()
    for _ in range(300):
        optimizer.zero_grad()
        loss = loss_fn(model(X), labels)
        loss.backward()
        optimizer.step()
    return model
