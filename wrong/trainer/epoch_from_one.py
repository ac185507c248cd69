# hata: geri çağırmalara dönem numarası 1'den başlayarak veriliyor (Keras'ın ilerleme çubuğu gibi); on_epoch_end 0'dan sayar
# beklenen-denetim: geri çağırmaların sırası
# beklenen-mesaj: dönem numarası 0'dan başlamalı
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
        for epoch in range(1, epochs + 1):
            self.model.train()
            total, count = 0.0, 0
            for x, y in train_loader:
                self.optimizer.zero_grad()
                loss = self.loss_fn(self.model(x), y)
                loss.backward()
                self.optimizer.step()
                total += loss.item() * len(y)
                count += len(y)

            self.model.eval()
            val_total, correct, val_count = 0.0, 0, 0
            with torch.no_grad():
                for x, y in val_loader:
                    logits = self.model(x)
                    val_total += self.loss_fn(logits, y).item() * len(y)
                    correct += (logits.argmax(dim=1) == y).sum().item()
                    val_count += len(y)
            self.model.train()

            logs = {
                "loss": total / count,
                "val_loss": val_total / val_count,
                "val_accuracy": correct / val_count,
            }
            for key, value in logs.items():
                history[key].append(value)
            for callback in self.callbacks:
                callback.on_epoch_end(epoch, dict(logs))
            if self.stop_training:
                break
        return history
