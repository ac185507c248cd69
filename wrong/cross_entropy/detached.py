# hata: logit değerleri .detach() ile koparılmış; gradyan geri akamaz
# beklenen-denetim: küçük girdiler (4 örnek, 5 sınıf)
# beklenen-mesaj: hesaplama çizgesinden kopuk
import torch


def cross_entropy(logits, target):
    x = logits.detach()
    lse = torch.logsumexp(x, dim=1)
    return (lse - x[torch.arange(len(target)), target]).mean()
