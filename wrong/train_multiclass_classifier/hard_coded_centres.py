# hata: öğrenmek yerine sabit merkezlere en yakınlık kuralı elle yazılmış
# beklenen-denetim: farklı veri, farklı model
# beklenen-mesaj: kural elle yazılmış
import torch
from torch import nn


class NearestCentre(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        angles = torch.arange(num_classes) * (2 * torch.pi / num_classes)
        self.centres = 3 * torch.stack([angles.cos(), angles.sin()], dim=1)

    def forward(self, x):
        return -torch.cdist(x, self.centres)


def train_multiclass_classifier(X, y, num_classes):
    return NearestCentre(num_classes)
