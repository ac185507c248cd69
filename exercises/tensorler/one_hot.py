"""One-hot kodlama: (*labels.shape, num_classes) şeklinde int64 bir tensör.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit one_hot
Takılırsanız:  tutor hint one_hot
"""

import torch


def one_hot(labels: torch.Tensor, num_classes: int) -> torch.Tensor:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("one_hot henüz yazılmadı")
