"""evaluate: bir yükleyicideki bütün örneklerde ortalama kayıp ve doğruluk, gradyansız ve eval kipinde.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit evaluate
Takılırsanız:  tutor hint evaluate
"""

from torch import nn
from torch.utils.data import DataLoader


def evaluate(model: nn.Module, loader: DataLoader, loss_fn) -> tuple[float, float]:
    # Dönüş: (örnek başına ortalama kayıp, doğruluk), iki Python float'u.
    raise NotImplementedError("evaluate henüz yazılmadı")
