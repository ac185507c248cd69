import torch
from torch import nn


def fit_linear_regression(X: torch.Tensor, y: torch.Tensor) -> nn.Module:
    model = nn.Linear(1, 1)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    # Veri küçük: her adımda bütün veri (tam yığın) yeterli.
    for _ in range(300):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
    return model
