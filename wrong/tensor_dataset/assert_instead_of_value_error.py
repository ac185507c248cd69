# hata: satır sayıları assert ile denetleniyor; ValueError yerine AssertionError çıkıyor
# beklenen-denetim: uzunluklar farklı: ValueError
# beklenen-mesaj: ValueError bekleniyordu, AssertionError fırlatıldı
import torch
from torch.utils.data import Dataset


class PairDataset(Dataset):
    def __init__(self, features, labels):
        assert len(features) == len(labels), "satır sayıları farklı"
        self.features = features
        self.labels = labels

    def __len__(self):
        return len(self.features)

    def __getitem__(self, index):
        return self.features[index], self.labels[index]
