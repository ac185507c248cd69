# hata: öğrenme oranı çok küçük ve yalnızca birkaç adım atılıyor; model yakınsamadan dönüyor
# beklenen-denetim: doğruluk (görülmemiş noktalar)
# beklenen-mesaj: yakınsamadan bitmiş
import torch
from torch import nn


def train_binary_classifier(X, y):
    model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 1))
    loss_fn = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
    for _ in range(20):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
    return model
