# hata: GradScaler her çağrıda yeniden oluşturuluyor; ölçek adımdan adıma taşınmıyor, taşmadan sonra hiç küçülmüyor
# cihaz: cuda
# beklenen-denetim: ölçekleyici: taşma ve küçülen ölçek
# beklenen-mesaj: ölçek adımdan adıma taşınmıyor
import torch


def amp_train_step(model, x, y, loss_fn, optimizer) -> float:
    device_type = x.device.type
    model.train()
    optimizer.zero_grad()
    if device_type == "cuda":
        scaler = torch.amp.GradScaler("cuda")
        with torch.autocast("cuda", dtype=torch.float16):
            loss = loss_fn(model(x), y)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    else:
        with torch.autocast(device_type, dtype=torch.bfloat16):
            loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
    return loss.item()
