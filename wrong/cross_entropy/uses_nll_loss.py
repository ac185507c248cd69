# hata: log-olasılıklar elle hesaplanmış ama yasak F.nll_loss kullanılmış
# beklenen-hata: forbidden
# beklenen-mesaj: nll_loss
import torch
import torch.nn.functional as F


def cross_entropy(logits, target):
    log_probs = logits - torch.logsumexp(logits, dim=1, keepdim=True)
    return F.nll_loss(log_probs, target)
