# hata: model.train() çağrılmıyor; değerlendirme kipinde verilen modelde dropout kapalı kalıyor
# beklenen-denetim: değerlendirme kipinde verilen model
# beklenen-mesaj: model eğitim kipine alınmamış
import weakref

import torch

_SCALERS = weakref.WeakKeyDictionary()


def amp_train_step(model, x, y, loss_fn, optimizer) -> float:
    device_type = x.device.type
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
    return loss.item()
