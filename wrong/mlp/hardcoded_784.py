# hata: düzleştirirken 28 * 28 sabit yazılmış; in_features farklı olunca view başarısız oluyor
# beklenen-denetim: küçük boyutlar (12 → 7 → 3), (N, 12) girdi
# beklenen-mesaj: shape '[-1, 784]' is invalid
from torch import nn


class MLP(nn.Module):
    def __init__(self, in_features=784, hidden=512, num_classes=10):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.fc3 = nn.Linear(hidden, num_classes)
        self.relu = nn.ReLU()

    def forward(self, x):
        x = x.view(-1, 28 * 28)
        x = self.relu(self.fc1(x))
        x = self.relu(self.fc2(x))
        return self.fc3(x)
