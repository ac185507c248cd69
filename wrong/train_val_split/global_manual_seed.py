# hata: torch.manual_seed ile küresel üreteç sıfırlanıyor; programın geri kalanının rastgeleliği değişiyor
# beklenen-denetim: küresel üreteçlere dokunmaz
# beklenen-mesaj: küresel üretecinin durumu değişmiş
import torch


def train_val_split(X, y, val_fraction, seed):
    if not 0.0 < val_fraction < 1.0:
        raise ValueError("val_fraction (0, 1) aralığında olmalı")
    n_val = int(len(X) * val_fraction)
    torch.manual_seed(seed)
    order = torch.randperm(len(X))
    return X[order[n_val:]], y[order[n_val:]], X[order[:n_val]], y[order[:n_val]]
