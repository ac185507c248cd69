# hata: sonda her zaman model.train() çağrılıyor; değerlendirme kipinde gelen model eğitim kipine sokuluyor
# beklenen-denetim: değerlendirme kipindeki model öyle kalır
# beklenen-mesaj: model eğitim kipine sokulmuş
import torch


def evaluate(model, loader, loss_fn):
    model.eval()
    total_loss, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for x, y in loader:
            logits = model(x)
            total_loss += loss_fn(logits, y).item() * len(y)
            correct += (logits.argmax(dim=1) == y).sum().item()
            count += len(y)
    model.train()
    return total_loss / count, correct / count
