# hata: satırlar karıştırılmıyor; doğrulama kümesi hep verinin son satırları
# beklenen-denetim: sıralı veride rastgele ayrım
# beklenen-mesaj: karıştırılmadan ayrılmış
def train_val_split(X, y, val_fraction, seed):
    if not 0.0 < val_fraction < 1.0:
        raise ValueError("val_fraction (0, 1) aralığında olmalı")
    n_val = int(len(X) * val_fraction)
    n_train = len(X) - n_val
    return X[:n_train], y[:n_train], X[n_train:], y[n_train:]
