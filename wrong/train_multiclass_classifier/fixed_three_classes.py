# hata: çıktı katmanı num_classes yerine sabit 3 sınıf; 5 sınıflı veride eğitim hata veriyor
# beklenen-hata: exception
# beklenen-mesaj: out of bounds
import torch
from torch import nn


def train_multiclass_classifier(X, y, num_classes):
    model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 3))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
    for _ in range(200):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
    return model
