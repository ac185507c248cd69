# hata: PyTorch'un Adam'ı getattr ile gizlenip miras alınmış; çalışma anında yakalanmalı
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak çağrı: torch.optim.Adam
import torch

Adam = getattr(torch.optim, "Ad" + "am")
