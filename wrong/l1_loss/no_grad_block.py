# hata: kayıp torch.no_grad() içinde hesaplanmış; çıktı hesaplama çizgesinden kopuk
# beklenen-denetim: küçük girdiler (4×3)
# beklenen-mesaj: hesaplama çizgesinden kopuk
import torch


def l1_loss(pred, target):
    with torch.no_grad():
        return (pred - target).abs().mean()
