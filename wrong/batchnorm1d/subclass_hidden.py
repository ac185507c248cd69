# hata: nn.BatchNorm1d getattr ile alınıp miras yoluyla kullanılmış
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak çağrı: torch.nn.functional.batch_norm
from torch import nn

Base = getattr(nn, "Batch" + "Norm1d")


class BatchNorm1d(Base):
    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        super().__init__(num_features, eps=eps, momentum=momentum)
