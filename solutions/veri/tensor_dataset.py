import torch
from torch.utils.data import Dataset


class PairDataset(Dataset):
    """Bellekteki iki tensörü satır satır eşleyen veri seti: i. örnek (features[i], labels[i])."""

    def __init__(self, features: torch.Tensor, labels: torch.Tensor):
        if len(features) != len(labels):
            raise ValueError(
                f"features {len(features)} satır, labels {len(labels)} satır; "
                "satır sayıları aynı olmalı"
            )
        self.features = features
        self.labels = labels

    def __len__(self) -> int:
        return len(self.features)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        return self.features[index], self.labels[index]
