# hata: doğruluk, yığın doğruluklarının ortalaması; küçük son yığının ağırlığı fazla sayılıyor
# beklenen-denetim: küçük son yığın
# beklenen-mesaj: yığın doğruluklarının ortalaması alınmış
import torch


def evaluate(model, loader, loss_fn):
    was_training = model.training
    model.eval()
    total_loss, accuracies, count = 0.0, [], 0
    with torch.no_grad():
        for x, y in loader:
            logits = model(x)
            total_loss += loss_fn(logits, y).item() * len(y)
            accuracies.append((logits.argmax(dim=1) == y).float().mean().item())
            count += len(y)
    model.train(was_training)
    return total_loss / count, sum(accuracies) / len(accuracies)
