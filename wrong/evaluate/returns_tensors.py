# hata: kayıp .item() olmadan toplanıyor; ortalama kayıp Python float'u değil tensör olarak dönüyor
# beklenen-denetim: dönüş türleri
# beklenen-mesaj: kayıp tensör olarak döndürülmüş
import torch


def evaluate(model, loader, loss_fn):
    was_training = model.training
    model.eval()
    total_loss, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for x, y in loader:
            logits = model(x)
            total_loss = total_loss + loss_fn(logits, y) * len(y)
            correct += (logits.argmax(dim=1) == y).sum().item()
            count += len(y)
    model.train(was_training)
    return total_loss / count, correct / count
