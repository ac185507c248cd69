"""train_val_split: satırları tohumlu bir rastgele sırayla eğitim ve doğrulama kümelerine ayırmak.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit train_val_split
Takılırsanız:  tutor hint train_val_split
"""

import torch


def train_val_split(
    X: torch.Tensor, y: torch.Tensor, val_fraction: float, seed: int
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    # Dönüş sırası: X_train, y_train, X_val, y_val.
    raise NotImplementedError("train_val_split henüz yazılmadı")
