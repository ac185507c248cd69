import torch


class Trainer:
    def __init__(self, model, loss_fn, optimizer, callbacks=()):
        self.model = model
        self.loss_fn = loss_fn
        self.optimizer = optimizer
        self.callbacks = list(callbacks)
        self.stop_training = False
        for callback in self.callbacks:
            callback.trainer = self  # Keras'taki set_model gibi

    def fit(self, train_loader, val_loader, epochs: int) -> dict[str, list[float]]:
        history: dict[str, list[float]] = {"loss": [], "val_loss": [], "val_accuracy": []}
        self.stop_training = False
        for epoch in range(epochs):
            logs = {"loss": self._train_epoch(train_loader), **self._evaluate(val_loader)}
            for key, value in logs.items():
                history[key].append(value)
            for callback in self.callbacks:
                callback.on_epoch_end(epoch, dict(logs))
            if self.stop_training:
                break
        return history

    def _train_epoch(self, loader) -> float:
        self.model.train()
        total, count = 0.0, 0
        for x, y in loader:
            self.optimizer.zero_grad()
            loss = self.loss_fn(self.model(x), y)
            loss.backward()
            self.optimizer.step()
            total += loss.item() * len(y)  # ortalama kayıp × mini-yığın boyu
            count += len(y)
        return total / count

    def _evaluate(self, loader) -> dict[str, float]:
        was_training = self.model.training
        self.model.eval()
        total, correct, count = 0.0, 0, 0
        with torch.no_grad():
            for x, y in loader:
                logits = self.model(x)
                total += self.loss_fn(logits, y).item() * len(y)
                correct += (logits.argmax(dim=1) == y).sum().item()
                count += len(y)
        self.model.train(was_training)  # eski kipe geri dön
        return {"val_loss": total / count, "val_accuracy": correct / count}
