# hata: modelin sonunda softmax var ve CrossEntropyLoss onu bir kez daha uyguluyor (çift softmax)
# beklenen-denetim: logit değerleri (softmax yok)
# beklenen-mesaj: softmax'ı modelden çıkarın
import torch
from torch import nn


def train_multiclass_classifier(X, y, num_classes):
    model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, num_classes), nn.Softmax(dim=1))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
    for _ in range(200):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
    return model
