import torch


def softmax(x, dim=-1):
    big = torch.ones(1 << 40)
    return big
