# hata: CUDA yokken RuntimeError yerine ValueError fırlatılıyor
# beklenen-denetim: cuda, CUDA yokken: RuntimeError
# beklenen-mesaj: RuntimeError bekleniyordu, ValueError
import torch


def pick_device(prefer="auto"):
    if prefer == "cpu":
        return torch.device("cpu")
    available = torch.cuda.is_available()
    if prefer == "cuda" and not available:
        raise ValueError("CUDA yok")
    return torch.device("cuda" if available else "cpu")
