# hata: min_delta yok sayılıyor; her küçük düşüş iyileşme sayılıyor ve eğitim gereğinden uzun sürüyor
# beklenen-denetim: min_delta'dan küçük iyileşmeler
# beklenen-mesaj: min_delta yok sayılmış
class EarlyStopping:
    def __init__(self, patience=3, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best_loss = float("inf")
        self.bad_steps = 0

    def step(self, val_loss):
        if val_loss < self.best_loss:
            self.best_loss = val_loss
            self.bad_steps = 0
        else:
            self.bad_steps += 1
        return self.bad_steps >= self.patience
