# hata: __len__ satır sayısı yerine öznitelik sayısını (ikinci boyutu) döndürüyor
# beklenen-denetim: tablo ve tam sayı etiketler
# beklenen-mesaj: __len__ örnek (satır) sayısını
import torch
from torch.utils.data import Dataset


class PairDataset(Dataset):
    def __init__(self, features, labels):
        if len(features) != len(labels):
            raise ValueError("features ve labels aynı sayıda satır içermeli")
        self.features = features
        self.labels = labels

    def __len__(self):
        return self.features.shape[1]

    def __getitem__(self, index):
        return self.features[index], self.labels[index]
