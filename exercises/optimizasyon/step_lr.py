"""step_lr: her step_size dönemde bir öğrenme oranını gamma ile çarpan çizelge (StepLR).

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit step_lr
Takılırsanız:  tutor hint step_lr
"""


def step_lr(epoch: int, base_lr: float, step_size: int, gamma: float = 0.1) -> float:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("step_lr henüz yazılmadı")
