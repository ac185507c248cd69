# hata: model.state_dict().update(...) bir kopyayı günceller; modelin parametreleri hiç yüklenmiyor
# beklenen-denetim: model yüklenir
# beklenen-mesaj: verilen modele yüklenmemiş
import torch


def save_checkpoint(path, model, optimizer, epoch):
    torch.save(
        {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}, path
    )


def load_checkpoint(path, model, optimizer):
    checkpoint = torch.load(path, weights_only=True)
    model.state_dict().update(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    return checkpoint["epoch"]
