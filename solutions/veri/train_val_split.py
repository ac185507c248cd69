import torch


def train_val_split(
    X: torch.Tensor, y: torch.Tensor, val_fraction: float, seed: int
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    if not 0.0 < val_fraction < 1.0:
        raise ValueError(f"val_fraction (0, 1) aralığında olmalı, {val_fraction} verildi")
    n_val = int(len(X) * val_fraction)
    # Kendi üretecimiz: küresel üretece dokunmaz, aynı tohum hep aynı sırayı verir.
    generator = torch.Generator().manual_seed(seed)
    order = torch.randperm(len(X), generator=generator)
    val_idx, train_idx = order[:n_val], order[n_val:]
    # X ve y aynı indekslerle seçilir: çiftler bozulmaz.
    return X[train_idx], y[train_idx], X[val_idx], y[val_idx]
