import torch
from torch import nn


def train_step(
    model: nn.Module,
    x: torch.Tensor,
    y: torch.Tensor,
    loss_fn,
    optimizer: torch.optim.Optimizer,
) -> float:
    model.train()  # model değerlendirme kipinde gelmiş olabilir
    optimizer.zero_grad()  # 1. önceki gradyanları temizle
    pred = model(x)  # 2. ileri geçiş
    loss = loss_fn(pred, y)  # 3. kayıp
    loss.backward()  # 4. geri yayılım
    optimizer.step()  # 5. güncelleme
    return loss.item()  # çizgeyi tutmayan bir Python float'u
