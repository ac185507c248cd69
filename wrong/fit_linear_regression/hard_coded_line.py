# hata: veriden öğrenmek yerine örnekteki doğru (y = 0.7x + 0.3) elle yazılmış
# beklenen-denetim: farklı veri, farklı model
# beklenen-mesaj: kural elle yazılmış
import torch
from torch import nn


def fit_linear_regression(X, y):
    model = nn.Linear(1, 1)
    with torch.no_grad():
        model.weight.fill_(0.7)
        model.bias.fill_(0.3)
    return model
