# hata: yasak nn.LSTMCell içeride kullanılmış
# beklenen-hata: forbidden
# beklenen-mesaj: LSTMCell
from torch import nn


class LSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.cell = nn.LSTMCell(input_size, hidden_size)

    def forward(self, x, state=None):
        return self.cell(x, state)
