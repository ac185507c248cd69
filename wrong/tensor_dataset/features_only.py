# hata: __getitem__ yalnızca öznitelikleri döndürüyor; etiket unutulmuş
# beklenen-denetim: tablo ve tam sayı etiketler
# beklenen-mesaj: iki öğeli bir demet (öznitelikler, etiket)
import torch
from torch.utils.data import Dataset


class PairDataset(Dataset):
    def __init__(self, features, labels):
        if len(features) != len(labels):
            raise ValueError("features ve labels aynı sayıda satır içermeli")
        self.features = features
        self.labels = labels

    def __len__(self):
        return len(self.features)

    def __getitem__(self, index):
        return self.features[index]
