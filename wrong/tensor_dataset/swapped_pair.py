# hata: __getitem__ önce etiketi, sonra öznitelikleri döndürüyor
# beklenen-denetim: tablo ve tam sayı etiketler
# beklenen-mesaj: öğeleri ters sırada
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
        return self.labels[index], self.features[index]
