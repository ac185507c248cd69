"""EarlyStopping: doğrulama kaybı patience adım üst üste iyileşmeyince durmayı söyleyen sınıf.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit early_stopping
Takılırsanız:  tutor hint early_stopping
"""


class EarlyStopping:
    def __init__(self, patience: int = 3, min_delta: float = 0.0):
        # best_loss özniteliği burada başlamalı; sabır sayacını da siz tutun.
        raise NotImplementedError("EarlyStopping henüz yazılmadı")

    def step(self, val_loss: float) -> bool:
        # Bir dönemin doğrulama kaybını alır; durma zamanı geldiyse True döndürür.
        raise NotImplementedError("EarlyStopping.step henüz yazılmadı")
