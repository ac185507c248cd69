# hata: kaydırılan en büyük değer geri eklenmiyor; sonuç m kadar kayık
# beklenen-denetim: küçük girdiler
# beklenen-mesaj: Sonucunuz beklenenden her dilimde tam m kadar büyük
import torch


def log_softmax(x, dim=-1):
    m = x.amax(dim=dim, keepdim=True)
    return x - torch.log(torch.exp(x - m).sum(dim=dim, keepdim=True))
