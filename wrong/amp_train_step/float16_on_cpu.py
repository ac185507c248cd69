# hata: CUDA tarifi CPU'ya da uygulanmış: CPU'da autocast float16 ile çalışıyor (bfloat16 olmalı) ve ölçekleyici yok
# beklenen-denetim: tek adım
# beklenen-mesaj: CPU'da autocast bfloat16 ile çalışmalı
import torch


def amp_train_step(model, x, y, loss_fn, optimizer) -> float:
    device_type = x.device.type
    model.train()
    optimizer.zero_grad()
    with torch.autocast(device_type, dtype=torch.float16):
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
