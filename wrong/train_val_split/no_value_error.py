# hata: (0, 1) dışındaki oranlar denetlenmiyor; val_fraction=1.0 boş bir eğitim kümesi veriyor
# beklenen-denetim: geçersiz oranlar: ValueError
# beklenen-mesaj: ValueError bekleniyordu
import torch


def train_val_split(X, y, val_fraction, seed):
    n_val = int(len(X) * val_fraction)
    order = torch.randperm(len(X), generator=torch.Generator().manual_seed(seed))
    return X[order[n_val:]], y[order[n_val:]], X[order[:n_val]], y[order[:n_val]]
