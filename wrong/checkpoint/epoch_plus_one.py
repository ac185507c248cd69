# hata: load_checkpoint kaydedilen dönemi değil bir fazlasını döndürüyor; döngü bir dönemi atlıyor
# beklenen-denetim: dönem numarası
# beklenen-mesaj: kaydedilen dönem
import torch


def save_checkpoint(path, model, optimizer, epoch):
    torch.save(
        {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}, path
    )


def load_checkpoint(path, model, optimizer):
    checkpoint = torch.load(path, weights_only=True)
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    return checkpoint["epoch"] + 1
