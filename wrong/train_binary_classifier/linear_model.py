# hata: gizli katman yok; doğrusal bir model iç içe çemberleri bir doğruyla ayırmaya çalışıyor
# beklenen-denetim: doğruluk (görülmemiş noktalar)
# beklenen-mesaj: karar sınırı düz bir çizgi
import torch
from torch import nn


def train_binary_classifier(X, y):
    model = nn.Linear(2, 1)
    loss_fn = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(300):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
    return model
