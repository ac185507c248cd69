"""En büyük değer havuzlaması: her k×k pencerenin en büyük değeri.

stride verilmezse (None) stride = kernel_size olur.
max_pool'un her biçimi (F.max_pool2d, nn.MaxPool2d, ...) ve unfold yasak.
Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit max_pool2d
Takılırsanız:  tutor hint max_pool2d
"""

import torch


def max_pool2d(x: torch.Tensor, kernel_size: int, stride: int | None = None) -> torch.Tensor:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("max_pool2d henüz yazılmadı")
