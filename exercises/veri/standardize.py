"""standardize: öznitelikleri yalnızca eğitim kümesinin ortalaması ve std'siyle standartlaştırmak.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit standardize
Takılırsanız:  tutor hint standardize
"""

import torch


def standardize(train_x: torch.Tensor, val_x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    # Dönüş sırası: standartlaştırılmış eğitim kümesi, standartlaştırılmış doğrulama kümesi.
    raise NotImplementedError("standardize henüz yazılmadı")
