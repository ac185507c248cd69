# Sınıf 4: fonksiyonun kod nesnesini başka bir dosya adıyla değiştirir (satır tabanlı izlemeyi
# şaşırtmak için), sonra softmax'ı getattr ile çağırır.
import torch


def helper(x, dim):
    return getattr(torch, "soft" + "max")(x, dim)


helper.__code__ = helper.__code__.replace(co_filename="/usr/lib/python3/baska.py")


def softmax(x, dim=-1):
    return helper(x, dim)
