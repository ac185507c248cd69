"""PairDataset: iki tensörü satır satır eşleyen bir veri seti (TensorDataset'in küçük bir eşi).

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit tensor_dataset
Takılırsanız:  tutor hint tensor_dataset
"""

import torch
from torch.utils.data import Dataset


class PairDataset(Dataset):
    def __init__(self, features: torch.Tensor, labels: torch.Tensor):
        # Satır sayıları farklıysa ValueError fırlatın; sonra iki tensörü saklayın.
        raise NotImplementedError("PairDataset henüz yazılmadı")

    def __len__(self) -> int:
        # Veri setindeki örnek (satır) sayısı.
        raise NotImplementedError("PairDataset.__len__ henüz yazılmadı")

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        # index. örnek: (öznitelikler, etiket) çifti.
        raise NotImplementedError("PairDataset.__getitem__ henüz yazılmadı")
