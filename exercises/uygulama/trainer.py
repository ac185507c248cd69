"""Trainer: Keras'ın fit'i gibi dönem dönem eğiten, eğitim geçmişini (history) tutan ve geri
çağırmaları (callback) çağıran küçük bir eğitici.

fit(train_loader, val_loader, epochs) şu sözlüğü döndürür; her listede dönem başına bir Python
float'u vardır:

    {"loss": [...], "val_loss": [...], "val_accuracy": [...]}

Her dönemin sonunda her geri çağırmanın on_epoch_end(epoch, logs) yöntemi çağrılır (epoch 0'dan
başlar). Bir geri çağırma trainer.stop_training = True yaparsa eğitim o dönemden sonra durur.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit trainer
Takılırsanız:  tutor hint trainer
"""

import torch


class Trainer:
    def __init__(
        self,
        model: torch.nn.Module,
        loss_fn,
        optimizer: torch.optim.Optimizer,
        callbacks=(),
    ):
        # Nesneleri saklayın, stop_training'i False yapın ve her geri çağırmanın trainer
        # özniteliğine bu Trainer'ı yazın.
        raise NotImplementedError("Trainer.__init__ henüz yazılmadı")

    def fit(self, train_loader, val_loader, epochs: int) -> dict[str, list[float]]:
        # Kodunuzu buraya yazın.
        raise NotImplementedError("Trainer.fit henüz yazılmadı")
