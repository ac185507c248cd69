# hata: eniyileyicinin durumu kaydedilmiyor; sürdürülen Adam momentlerini sıfırdan başlatıyor
# beklenen-denetim: eniyileyici yüklenir
# beklenen-mesaj: eniyileyicinin durumu kaydedilmemiş
import torch


def save_checkpoint(path, model, optimizer, epoch):
    torch.save({"model": model.state_dict(), "epoch": epoch}, path)


def load_checkpoint(path, model, optimizer):
    checkpoint = torch.load(path, weights_only=True)
    model.load_state_dict(checkpoint["model"])
    return checkpoint["epoch"]
