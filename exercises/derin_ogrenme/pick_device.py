"""Cihazı seçmek: "auto" → CUDA varsa cuda, yoksa cpu; "cpu" → cpu; "cuda" → cuda ya da RuntimeError.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit pick_device
Takılırsanız:  tutor hint pick_device
"""

import torch


def pick_device(prefer: str = "auto") -> torch.device:
    # Kodunuzu buraya yazın.
    raise NotImplementedError("pick_device henüz yazılmadı")
