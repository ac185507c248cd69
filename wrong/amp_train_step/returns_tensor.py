# hata: kayıp Python float'u yerine tensör olarak döndürülüyor; çizge ve bellek adımdan sonra da yaşıyor
# beklenen-denetim: tek adım
# beklenen-mesaj: Python float'u olmalı
import weakref

import torch

_SCALERS = weakref.WeakKeyDictionary()


def amp_train_step(model, x, y, loss_fn, optimizer) -> float:
    device_type = x.device.type
    model.train()
    optimizer.zero_grad()
    if device_type == "cuda":
        with torch.autocast("cuda", dtype=torch.float16):
            loss = loss_fn(model(x), y)
        scaler = _SCALERS.get(optimizer)
        if scaler is None:
            scaler = _SCALERS[optimizer] = torch.amp.GradScaler("cuda")
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    else:
        with torch.autocast(device_type, dtype=torch.bfloat16):
            loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
    return loss
