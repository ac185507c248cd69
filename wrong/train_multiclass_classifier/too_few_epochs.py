# hata: öğrenme oranı çok küçük ve yalnızca birkaç adım atılıyor; model yakınsamadan dönüyor
# beklenen-denetim: doğruluk (görülmemiş noktalar, 5 sınıf)
# beklenen-mesaj: yakınsamadan bitmiş
import torch
from torch import nn


def train_multiclass_classifier(X, y, num_classes):
    model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, num_classes))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
    for _ in range(10):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
    return model
