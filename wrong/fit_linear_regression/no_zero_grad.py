# hata: zero_grad unutulmuş; gradyanlar her adımda birikiyor ve model hedefin çevresinde savruluyor
# beklenen-denetim: eğim ve sapma
# beklenen-mesaj: zero_grad hiç çağrılmamış
import torch
from torch import nn


def fit_linear_regression(X, y):
    model = nn.Linear(1, 1)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(300):
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
    return model
