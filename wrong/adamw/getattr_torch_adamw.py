# hata: PyTorch'un AdamW'si getattr ile alınıp alt sınıf yapılmış; yalnızca varsayılanlar değiştirilmiş
# beklenen-hata: forbidden
# beklenen-mesaj: torch.optim.AdamW
import torch

_Base = getattr(torch.optim, "Adam" + "W")


class AdamW(_Base):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        super().__init__(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
