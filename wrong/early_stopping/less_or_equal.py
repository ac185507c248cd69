# hata: karşılaştırma <= ile; en iyi değere eşit kalan kayıp iyileşme sayılıyor ve düzlükte hiç durulmuyor
# beklenen-denetim: düzleşen kayıp
# beklenen-mesaj: eşit kayıp iyileşme sayılmaz
class EarlyStopping:
    def __init__(self, patience=3, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best_loss = float("inf")
        self.bad_steps = 0

    def step(self, val_loss):
        if val_loss <= self.best_loss - self.min_delta:
            self.best_loss = val_loss
            self.bad_steps = 0
        else:
            self.bad_steps += 1
        return self.bad_steps >= self.patience
