"""LSTMCell: bir zaman adımında (h, c) durumunu güncelleyen LSTM hücresi; nn.LSTMCell'in kendi sürümünüz.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit lstm_cell
Takılırsanız:  tutor hint lstm_cell
"""

import torch
from torch import nn


class LSTMCell(nn.Module):
    def __init__(self, input_size: int, hidden_size: int):
        super().__init__()
        # Parametreler: weight_ih (4h, input_size), weight_hh (4h, h), bias_ih (4h,), bias_hh (4h,)
        # Hepsini U(-1/√hidden_size, 1/√hidden_size) ile başlatın. Kapı sırası: i, f, g, o.
        raise NotImplementedError("LSTMCell henüz yazılmadı")

    def forward(self, x: torch.Tensor, state=None) -> tuple[torch.Tensor, torch.Tensor]:
        # state: (h, c) ya da None. Sonuç: (h_yeni, c_yeni)
        raise NotImplementedError("LSTMCell.forward henüz yazılmadı")
