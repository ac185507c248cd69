# hata: autocast hiç kullanılmıyor; CPU'da ileri geçiş float32'de çalışıyor (düz bir eğitim adımı)
# beklenen-denetim: tek adım
# beklenen-mesaj: ileri geçiş autocast içinde çalışmadı
import torch


def amp_train_step(model, x, y, loss_fn, optimizer) -> float:
    model.train()
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    if x.is_cuda:
        scaler = amp_train_step.__dict__.setdefault("scaler", torch.amp.GradScaler("cuda"))
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    else:
        loss.backward()
        optimizer.step()
    return loss.item()
