# hata: ders notlarındaki hata: son Linear katmanından sonra da ReLU var; negatif logit değerleri sıfırlanıyor
# beklenen-denetim: varsayılan boyutlar, (N, 1, 28, 28) girdi
# beklenen-mesaj: son katmandan sonra ReLU
from torch import nn


class MLP(nn.Module):
    def __init__(self, in_features=784, hidden=512, num_classes=10):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(in_features, hidden),
            nn.ReLU(),
            nn.Linear(hidden, hidden),
            nn.ReLU(),
            nn.Linear(hidden, num_classes),
            nn.ReLU(),
        )

    def forward(self, x):
        return self.linear_relu_stack(self.flatten(x))
