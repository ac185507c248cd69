# hata: kayıp, yığın ortalamalarının ortalaması; küçük son yığının ağırlığı fazla sayılıyor
# beklenen-denetim: küçük son yığın
# beklenen-mesaj: yığın ortalamalarının ortalaması alınmış
import torch


def evaluate(model, loader, loss_fn):
    was_training = model.training
    model.eval()
    batch_losses, correct, count = [], 0, 0
    with torch.no_grad():
        for x, y in loader:
            logits = model(x)
            batch_losses.append(loss_fn(logits, y).item())
            correct += (logits.argmax(dim=1) == y).sum().item()
            count += len(y)
    model.train(was_training)
    return sum(batch_losses) / len(batch_losses), correct / count
