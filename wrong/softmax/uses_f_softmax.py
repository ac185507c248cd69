# hata: yasak F.softmax kullanılmış
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak kullanım: 'softmax'
import torch.nn.functional as F


def softmax(x, dim=-1):
    return F.softmax(x, dim=dim)
