# hata: doğrulama boyu round ile yuvarlanıyor; int(len(X) * val_fraction) bekleniyor
# beklenen-denetim: boylar: n_val = int(len(X) * val_fraction)
# beklenen-mesaj: aşağı yuvarlanır; round değil
import torch


def train_val_split(X, y, val_fraction, seed):
    if not 0.0 < val_fraction < 1.0:
        raise ValueError("val_fraction (0, 1) aralığında olmalı")
    n_val = round(len(X) * val_fraction)
    order = torch.randperm(len(X), generator=torch.Generator().manual_seed(seed))
    return X[order[n_val:]], y[order[n_val:]], X[order[:n_val]], y[order[:n_val]]
