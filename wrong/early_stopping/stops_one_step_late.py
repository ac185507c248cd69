# hata: sayaç patience'ı aşınca duruyor (> yerine >= olmalı); her seferinde bir dönem geç
# beklenen-denetim: tam patience adımda durur
# beklenen-mesaj: bir adım geç durdu
class EarlyStopping:
    def __init__(self, patience=3, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best_loss = float("inf")
        self.bad_steps = 0

    def step(self, val_loss):
        if val_loss < self.best_loss - self.min_delta:
            self.best_loss = val_loss
            self.bad_steps = 0
        else:
            self.bad_steps += 1
        return self.bad_steps > self.patience
