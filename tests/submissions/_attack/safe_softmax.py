# Sınıf 4: aynı çekirdeğe ulaşan bir takma ad: torch._safe_softmax (adı getattr ile kurulur).
import torch

alias = getattr(torch, "_safe" + "_softmax")


def softmax(x, dim=-1):
    return alias(x, dim)
