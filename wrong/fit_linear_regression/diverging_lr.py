# hata: öğrenme oranı çok büyük; x değerleri 3'e kadar çıktığı için her adım hedefi aşıyor ve kayıp ıraksıyor
# beklenen-denetim: eğim ve sapma
# beklenen-mesaj: kayıp ıraksamış
import torch
from torch import nn


def fit_linear_regression(X, y):
    model = nn.Linear(1, 1)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
    for _ in range(300):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
    return model
