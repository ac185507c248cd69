# hata: optimizer = checkpoint["optimizer"] yalnızca yerel adı yeniden bağlıyor; çağıranın eniyileyicisine hiçbir şey yüklenmiyor
# beklenen-denetim: eniyileyici yüklenir
# beklenen-mesaj: verilen eniyileyiciye yüklenmemiş
import torch


def save_checkpoint(path, model, optimizer, epoch):
    torch.save(
        {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}, path
    )


def load_checkpoint(path, model, optimizer):
    checkpoint = torch.load(path, weights_only=True)
    model.load_state_dict(checkpoint["model"])
    optimizer = checkpoint["optimizer"]
    return checkpoint["epoch"]
