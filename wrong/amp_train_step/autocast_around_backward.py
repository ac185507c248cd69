# hata: loss.backward() autocast bloğunun içinde; geri yayılım da autocast altında çalışıyor
# beklenen-denetim: tek adım
# beklenen-mesaj: geri yayılım (loss.backward()) autocast içinde çalıştı
import weakref

import torch

_SCALERS = weakref.WeakKeyDictionary()


def amp_train_step(model, x, y, loss_fn, optimizer) -> float:
    model.train()
    optimizer.zero_grad()
    if x.device.type == "cuda":
        scaler = _SCALERS.setdefault(optimizer, torch.amp.GradScaler("cuda"))
        with torch.autocast("cuda", dtype=torch.float16):
            loss = loss_fn(model(x), y)
            scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    else:
        with torch.autocast("cpu", dtype=torch.bfloat16):
            loss = loss_fn(model(x), y)
            loss.backward()
        optimizer.step()
    return loss.item()
