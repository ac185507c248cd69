# hata: kayıp torch.tensor(...) ile yeniden sarılmış; hesaplama çizgesinden kopuk
# beklenen-denetim: küçük girdiler (8,)
# beklenen-mesaj: hesaplama çizgesinden kopuk
import torch


def binary_cross_entropy(probs, target):
    log_p = torch.log(probs).clamp(min=-100)
    log_not_p = torch.log(1 - probs).clamp(min=-100)
    loss = -(target * log_p + (1 - target) * log_not_p).mean()
    return torch.tensor(loss.item(), dtype=probs.dtype)
