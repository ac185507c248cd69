import torch


def sofmax(x, dim=-1):
    return x
