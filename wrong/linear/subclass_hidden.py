# hata: nn.Linear getattr ile alınıp miras yoluyla kullanılmış; forward PyTorch'un kendi kodu
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak çağrı: torch.nn.functional.linear
from torch import nn

Base = getattr(nn, "Lin" + "ear")


class Linear(Base):
    pass
