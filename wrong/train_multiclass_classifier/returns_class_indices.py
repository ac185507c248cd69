# hata: model logit değerleri yerine tahmin edilen sınıfın indeksini döndürüyor
# beklenen-denetim: çıktının şekli
# beklenen-mesaj: model sınıf başına bir logit vermeli
import torch
from torch import nn


class Predictor(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        return self.net(x).argmax(dim=1)


def train_multiclass_classifier(X, y, num_classes):
    net = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, num_classes))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(net.parameters(), lr=0.02)
    for _ in range(200):
        optimizer.zero_grad()
        loss = loss_fn(net(X), y)
        loss.backward()
        optimizer.step()
    return Predictor(net)
