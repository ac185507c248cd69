# hata: tensörler Python listelerine çevrilip saklanıyor; örnekler tensör değil liste ve sayı
# beklenen-denetim: tablo ve tam sayı etiketler
# beklenen-mesaj: tensör bekleniyordu, list geldi
from torch.utils.data import Dataset


class PairDataset(Dataset):
    def __init__(self, features, labels):
        if len(features) != len(labels):
            raise ValueError("features ve labels aynı sayıda satır içermeli")
        self.rows = list(zip(features.tolist(), labels.tolist()))

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        return self.rows[index]
