# hata: dilim sınırı bir kaymış; bir satır hem eğitim hem doğrulama kümesine düşüyor
# beklenen-denetim: hiçbir satır kaybolmaz ya da tekrarlanmaz
# beklenen-mesaj: hem eğitim hem doğrulama kümesinde
import torch


def train_val_split(X, y, val_fraction, seed):
    if not 0.0 < val_fraction < 1.0:
        raise ValueError("val_fraction (0, 1) aralığında olmalı")
    n_val = int(len(X) * val_fraction)
    order = torch.randperm(len(X), generator=torch.Generator().manual_seed(seed))
    val_idx, train_idx = order[:n_val], order[n_val - 1 :]
    return X[train_idx], y[train_idx], X[val_idx], y[val_idx]
