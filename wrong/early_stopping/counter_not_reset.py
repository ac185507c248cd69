# hata: iyileşmede sayaç sıfırlanmıyor; birbirinden uzak kötü dönemler toplanıp erken duruluyor
# beklenen-denetim: iyileşme sayacı sıfırlar
# beklenen-mesaj: sayacı sıfırlamalıydı
class EarlyStopping:
    def __init__(self, patience=3, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best_loss = float("inf")
        self.bad_steps = 0

    def step(self, val_loss):
        if val_loss < self.best_loss - self.min_delta:
            self.best_loss = val_loss
        else:
            self.bad_steps += 1
        return self.bad_steps >= self.patience
