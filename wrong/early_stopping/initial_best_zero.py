# hata: best_loss 0 ile başlıyor; hiçbir kayıp iyileşme sayılmıyor ve patience adımda bir duruluyor
# beklenen-denetim: başlangıç: best_loss sonsuz
# beklenen-mesaj: başlangıçta best_loss float('inf') olmalı
class EarlyStopping:
    def __init__(self, patience=3, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best_loss = 0.0
        self.bad_steps = 0

    def step(self, val_loss):
        if val_loss < self.best_loss - self.min_delta:
            self.best_loss = val_loss
            self.bad_steps = 0
        else:
            self.bad_steps += 1
        return self.bad_steps >= self.patience
