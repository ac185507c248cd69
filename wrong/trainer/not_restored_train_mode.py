# hata: model.train() yalnızca döngüden önce bir kez çağrılıyor; ilk doğrulamadan sonra eğitim değerlendirme kipinde sürüyor
# beklenen-denetim: üç dönem, dropout
# beklenen-mesaj: doğrulamadan sonra model.train() çağrılmamış
import torch


class Trainer:
    def __init__(self, model, loss_fn, optimizer, callbacks=()):
        self.model = model
        self.loss_fn = loss_fn
        self.optimizer = optimizer
        self.callbacks = list(callbacks)
        self.stop_training = False
        for callback in self.callbacks:
            callback.trainer = self

    def fit(self, train_loader, val_loader, epochs):
        history = {"loss": [], "val_loss": [], "val_accuracy": []}
        self.stop_training = False
        self.model.train()
        for epoch in range(epochs):
            total, count = 0.0, 0
            for x, y in train_loader:
                self.optimizer.zero_grad()
                loss = self.loss_fn(self.model(x), y)
                loss.backward()
                self.optimizer.step()
                total += loss.item() * len(y)
                count += len(y)

            val_loss, val_accuracy = self.evaluate(val_loader)
            logs = {"loss": total / count, "val_loss": val_loss, "val_accuracy": val_accuracy}
            for key, value in logs.items():
                history[key].append(value)
            for callback in self.callbacks:
                callback.on_epoch_end(epoch, dict(logs))
            if self.stop_training:
                break
        return history

    def evaluate(self, loader):
        self.model.eval()
        total, correct, count = 0.0, 0, 0
        with torch.no_grad():
            for x, y in loader:
                logits = self.model(x)
                total += self.loss_fn(logits, y).item() * len(y)
                correct += (logits.argmax(dim=1) == y).sum().item()
                count += len(y)
        return total / count, correct / count
