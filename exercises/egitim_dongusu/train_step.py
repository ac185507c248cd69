"""train_step: tek bir eğitim adımı, doğru sırayla; kaybı Python float'u olarak döndürür.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit train_step
Takılırsanız:  tutor hint train_step
"""

import torch
from torch import nn


def train_step(
    model: nn.Module,
    x: torch.Tensor,
    y: torch.Tensor,
    loss_fn,
    optimizer: torch.optim.Optimizer,
) -> float:
    # Sıra: zero_grad → ileri geçiş → kayıp → backward → step.
    raise NotImplementedError("train_step henüz yazılmadı")
