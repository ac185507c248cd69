# hata: weight_ih (input_size, 4·hidden_size) şeklinde tutuluyor ve x @ weight_ih ile çarpılıyor
# beklenen-denetim: tek adım, durum verilmiş
# beklenen-mesaj: weight_ih şekli (16, 5) olmalı (4·hidden_size, input_size); sizinki (5, 16)
import math

import torch
from torch import nn


class LSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.hidden_size = hidden_size
        k = 1 / math.sqrt(hidden_size)
        self.weight_ih = nn.Parameter(torch.empty(input_size, 4 * hidden_size).uniform_(-k, k))
        self.weight_hh = nn.Parameter(torch.empty(hidden_size, 4 * hidden_size).uniform_(-k, k))
        self.bias_ih = nn.Parameter(torch.empty(4 * hidden_size).uniform_(-k, k))
        self.bias_hh = nn.Parameter(torch.empty(4 * hidden_size).uniform_(-k, k))

    def forward(self, x, state=None):
        if state is None:
            state = (x.new_zeros(x.shape[0], self.hidden_size),) * 2
        h, c = state
        gates = x @ self.weight_ih + self.bias_ih + h @ self.weight_hh + self.bias_hh
        i, f, g, o = gates.chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c
