# hata: seed kullanılmıyor; sıra küresel üreteçten geliyor ve aynı tohum her çağrıda başka ayrım veriyor
# beklenen-denetim: aynı tohum, aynı ayrım
# beklenen-mesaj: aynı tohumla iki çağrı farklı ayrımlar verdi
import torch


def train_val_split(X, y, val_fraction, seed):
    if not 0.0 < val_fraction < 1.0:
        raise ValueError("val_fraction (0, 1) aralığında olmalı")
    n_val = int(len(X) * val_fraction)
    order = torch.randperm(len(X))
    return X[order[n_val:]], y[order[n_val:]], X[order[:n_val]], y[order[:n_val]]
