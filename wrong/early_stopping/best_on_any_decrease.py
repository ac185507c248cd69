# hata: best_loss her küçük düşüşte güncelleniyor; min_delta eşiği kayıpla birlikte kayıyor
# beklenen-denetim: best_loss yalnızca iyileşmede güncellenir
# beklenen-mesaj: best_loss yalnızca iyileşmede güncellenir
class EarlyStopping:
    def __init__(self, patience=3, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best_loss = float("inf")
        self.bad_steps = 0

    def step(self, val_loss):
        improved = val_loss < self.best_loss - self.min_delta
        self.best_loss = min(self.best_loss, val_loss)
        if improved:
            self.bad_steps = 0
        else:
            self.bad_steps += 1
        return self.bad_steps >= self.patience
