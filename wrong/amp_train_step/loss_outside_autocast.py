# hata: autocast yalnızca modeli sarıyor; kayıp bloğun dışında, düşük hassasiyetli çıktıyla hesaplanıyor
# beklenen-denetim: tek adım
# beklenen-mesaj: kayıp autocast dışında hesaplandı
import weakref

import torch

_SCALERS = weakref.WeakKeyDictionary()


def amp_train_step(model, x, y, loss_fn, optimizer) -> float:
    device_type = x.device.type
    dtype = torch.float16 if device_type == "cuda" else torch.bfloat16
    model.train()
    optimizer.zero_grad()
    with torch.autocast(device_type, dtype=dtype):
        logits = model(x)
    loss = loss_fn(logits, y)
    if device_type == "cuda":
        scaler = _SCALERS.get(optimizer)
        if scaler is None:
            scaler = _SCALERS[optimizer] = torch.amp.GradScaler("cuda")
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    else:
        loss.backward()
        optimizer.step()
    return loss.item()
