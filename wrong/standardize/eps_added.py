# hata: sabit sütun için std'ye eps ekleniyor; o sütundaki doğrulama değerleri 1e8 ile çarpılıyor
# beklenen-denetim: sabit öznitelik
# beklenen-mesaj: küçük bir eps eklemek
def standardize(train_x, val_x):
    mean = train_x.mean(dim=0)
    std = train_x.std(dim=0, correction=0) + 1e-8
    return (train_x - mean) / std, (val_x - mean) / std
