import torch

for _ in range(5 * 1024):
    print("x" * 1023)


def softmax(x, dim=-1):
    print("y" * 100_000)
    shifted = x - x.amax(dim=dim, keepdim=True)
    e = shifted.exp()
    return e / e.sum(dim=dim, keepdim=True)
