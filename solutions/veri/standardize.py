import torch


def standardize(train_x: torch.Tensor, val_x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    # İstatistikler yalnızca eğitim satırlarından, her öznitelik (sütun) için ayrı.
    mean = train_x.mean(dim=0)
    std = train_x.std(dim=0, correction=0)  # anakütle std'si: n'ye bölünür
    std = torch.where(std == 0, torch.ones_like(std), std)  # sabit öznitelik: 1'e böl
    return (train_x - mean) / std, (val_x - mean) / std
