# hata: ileri geçişler no_grad olmadan yapılıyor; her yığında hesaplama çizgesi kuruluyor
# beklenen-denetim: çizgesiz değerlendirme
# beklenen-mesaj: hesaplama çizgesi kuruldu
def evaluate(model, loader, loss_fn):
    was_training = model.training
    model.eval()
    total_loss, correct, count = 0.0, 0, 0
    for x, y in loader:
        logits = model(x)
        total_loss += loss_fn(logits, y).item() * len(y)
        correct += (logits.argmax(dim=1) == y).sum().item()
        count += len(y)
    model.train(was_training)
    return total_loss / count, correct / count
