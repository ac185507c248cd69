# hata: X ve y ayrı rastgele sıralarla karıştırılıyor; satırlar başka satırların etiketini alıyor
# beklenen-denetim: çiftler bozulmaz
# beklenen-mesaj: aynı indekslerle seçin
import torch


def train_val_split(X, y, val_fraction, seed):
    if not 0.0 < val_fraction < 1.0:
        raise ValueError("val_fraction (0, 1) aralığında olmalı")
    n_val = int(len(X) * val_fraction)
    generator = torch.Generator().manual_seed(seed)
    X = X[torch.randperm(len(X), generator=generator)]
    y = y[torch.randperm(len(y), generator=generator)]
    return X[n_val:], y[n_val:], X[:n_val], y[:n_val]
