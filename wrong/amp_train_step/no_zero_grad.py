# hata: optimizer.zero_grad() çağrılmıyor; her çağrı önceki çağrıların gradyanlarını da taşıyor
# beklenen-denetim: üç adım art arda
# beklenen-mesaj: zero_grad çağrılmamış
import weakref

import torch

_SCALERS = weakref.WeakKeyDictionary()


def amp_train_step(model, x, y, loss_fn, optimizer) -> float:
    device_type = x.device.type
    model.train()
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
    return loss.item()
