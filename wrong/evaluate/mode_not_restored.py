# hata: model değerlendirme kipinde bırakılıyor; eğitim döngüsü sonraki dönemleri dropout'suz eğitir
# beklenen-denetim: eğitim kipindeki model geri yüklenir
# beklenen-mesaj: başlangıçtaki kip (eğitim) geri yüklenmemiş
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
    return total_loss / count, correct / count
