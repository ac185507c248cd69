import subprocess

import torch

# Bitmeyen bir alt süreç başlatır; değerlendirme yine de beklemeden bitmeli.
subprocess.Popen(["sleep", "300"])


def softmax(x, dim=-1):
    e = torch.exp(x - x.amax(dim=dim, keepdim=True))
    return e / e.sum(dim=dim, keepdim=True)
