# hata: modelin sonunda sigmoid var; model logit değerleri değil olasılıklar döndürüyor
# beklenen-denetim: logit değerleri (sigmoid ya da ReLU yok)
# beklenen-mesaj: logit değil olasılık
import torch
from torch import nn


def train_binary_classifier(X, y):
    model = nn.Sequential(
        nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 1), nn.Sigmoid()
    )
    loss_fn = nn.BCELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(300):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
    return model
