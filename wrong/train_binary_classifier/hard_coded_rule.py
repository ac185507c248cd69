# hata: öğrenmek yerine elle bir kural yazılmış: merkezi başlangıç noktası, yarıçapı 1.5 olan bir daire
# beklenen-denetim: farklı veri, farklı model
# beklenen-mesaj: kural elle yazılmış
import torch
from torch import nn


class Circle(nn.Module):
    def forward(self, x):
        return (1.5 - x.norm(dim=1, keepdim=True)) * 10


def train_binary_classifier(X, y):
    return Circle()
