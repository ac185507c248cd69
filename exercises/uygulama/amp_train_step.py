"""amp_train_step: karışık hassasiyetle (mixed precision) tek bir eğitim adımı.

İleri geçiş ve kayıp torch.autocast altında çalışır: CPU'da bfloat16 ile, CUDA'da float16 ile.
CUDA'da kayıp bir GradScaler ile ölçeklenir; CPU'da ölçekleyici kullanılmaz. Geri yayılım ve
optimizer.step() autocast'in dışındadır; parametreler float32 kalır. Dönen değer, ölçeklenmemiş
kaybın Python float'udur.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit amp_train_step
Takılırsanız:  tutor hint amp_train_step
"""

import weakref

import torch

# CUDA'da eniyileyici başına bir GradScaler: ilk çağrıda oluşturup buraya koyun, sonraki
# çağrılarda buradan alın. Anahtar eniyileyicinin kendisidir; eniyileyici silinince kaydı da gider.
_SCALERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def amp_train_step(
    model: torch.nn.Module,
    x: torch.Tensor,
    y: torch.Tensor,
    loss_fn,
    optimizer: torch.optim.Optimizer,
) -> float:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("amp_train_step henüz yazılmadı")
