# hata: bütün adım (geri yayılım ve optimizer.step() dahil) tek bir autocast bloğunun içinde
# beklenen-denetim: tek adım
# beklenen-mesaj: optimizer.step() autocast içinde çalıştı
import torch


def amp_train_step(model, x, y, loss_fn, optimizer) -> float:
    device_type = x.device.type
    dtype = torch.float16 if device_type == "cuda" else torch.bfloat16
    model.train()
    with torch.autocast(device_type, dtype=dtype):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        if device_type == "cuda":
            scaler = amp_train_step.__dict__.setdefault("scaler", torch.amp.GradScaler("cuda"))
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        else:
            loss.backward()
            optimizer.step()
    return loss.item()
