# hata: std'si 0 olan sabit sütun korunmuyor; 0'a bölünce NaN ve sonsuz çıkıyor
# beklenen-denetim: sabit öznitelik
# beklenen-mesaj: std yerine 1 kullanın
def standardize(train_x, val_x):
    mean = train_x.mean(dim=0)
    std = train_x.std(dim=0, correction=0)
    return (train_x - mean) / std, (val_x - mean) / std
