import torch


def evaluate(model, loader, loss_fn) -> tuple[float, float]:
    was_training = model.training
    model.eval()
    total_loss, correct, count = 0.0, 0, 0
    try:
        with torch.no_grad():
            for x, y in loader:
                logits = model(x)
                # loss_fn yığının ortalamasını verir; yığın boyuyla çarpıp topluyoruz.
                total_loss += loss_fn(logits, y).item() * len(y)
                correct += (logits.argmax(dim=1) == y).sum().item()
                count += len(y)
    finally:
        model.train(was_training)  # kipi geri yükle
    return total_loss / count, correct / count
