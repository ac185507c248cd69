import weakref

import torch

# Eniyileyici başına bir kayıp ölçekleyici (yalnızca CUDA'da). Ölçek adımdan adıma taşınır;
# yeni bir eniyileyici (yeni bir eğitim) yeni bir ölçekleyiciyle başlar.
_SCALERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


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
        scaler.scale(loss).backward()  # autocast dışında
        scaler.step(optimizer)  # gradyanları geri böler; inf/NaN varsa adımı atlar
        scaler.update()  # ölçeği bir sonraki adım için ayarlar
    else:
        with torch.autocast(device_type, dtype=torch.bfloat16):
            loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
    return loss.item()
