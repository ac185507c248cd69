# hata: kendi katmanlarında ağırlıklar (giriş, çıkış) şeklinde tutuluyor; nn.Linear ile uyumsuz
# beklenen-denetim: küçük boyutlar (12 → 7 → 3), (N, 12) girdi
# beklenen-mesaj: (çıkış, giriş) şeklinde
import math

import torch
from torch import nn


class Dense(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        bound = 1 / math.sqrt(n_in)
        self.weight = nn.Parameter(torch.empty(n_in, n_out).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(n_out).uniform_(-bound, bound))

    def forward(self, x):
        return x @ self.weight + self.bias


class MLP(nn.Module):
    def __init__(self, in_features=784, hidden=512, num_classes=10):
        super().__init__()
        self.fc1 = Dense(in_features, hidden)
        self.fc2 = Dense(hidden, hidden)
        self.fc3 = Dense(hidden, num_classes)

    def forward(self, x):
        x = x.flatten(1)
        x = torch.relu(self.fc1(x))
        x = torch.relu(self.fc2(x))
        return self.fc3(x)
