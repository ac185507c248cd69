# hata: max(x, 0) + log1p(exp(-|x|)) biçimi; değer doğru ama x = 0'da clamp ve abs gradyanı bozuyor
# beklenen-denetim: sıfır logit değerleri (gradyan)
# beklenen-mesaj: `x.abs()` ve `x.clamp(min=0)` 0'da kırılır
import torch


def bce_with_logits(logits, target):
    softplus = logits.clamp(min=0) + torch.log1p(torch.exp(-logits.abs()))
    return (softplus - target * logits).mean()
