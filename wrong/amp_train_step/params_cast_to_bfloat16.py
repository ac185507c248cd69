# hata: "karışık hassasiyet" için model ve girdi bfloat16'ya çevriliyor; parametreler artık float32 değil
# beklenen-denetim: tek adım
# beklenen-mesaj: parametreler float32 kalmalı
import torch


def amp_train_step(model, x, y, loss_fn, optimizer) -> float:
    if x.device.type == "cuda":
        model.half()
        x = x.half()
        dtype = torch.float16
    else:
        model.to(torch.bfloat16)
        x = x.to(torch.bfloat16)
        dtype = torch.bfloat16
    model.train()
    optimizer.zero_grad()
    with torch.autocast(x.device.type, dtype=dtype):
        loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()
