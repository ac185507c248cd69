# hata: satır sayıları denetlenmiyor; 5 satır ile 4 etiket sessizce kabul ediliyor
# beklenen-denetim: uzunluklar farklı: ValueError
# beklenen-mesaj: kurucu hata fırlatmadı
import torch
from torch.utils.data import Dataset


class PairDataset(Dataset):
    def __init__(self, features, labels):
        self.features = features
        self.labels = labels

    def __len__(self):
        return len(self.features)

    def __getitem__(self, index):
        return self.features[index], self.labels[index]
