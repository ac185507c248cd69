# hata: model değerlendirme kipine alınmıyor; dropout açık kalıyor ve sonuçlar gürültülü
# beklenen-denetim: değerlendirme kipi (dropout)
# beklenen-mesaj: dropout açık kaldı
import torch


def evaluate(model, loader, loss_fn):
    total_loss, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for x, y in loader:
            logits = model(x)
            total_loss += loss_fn(logits, y).item() * len(y)
            correct += (logits.argmax(dim=1) == y).sum().item()
            count += len(y)
    return total_loss / count, correct / count
