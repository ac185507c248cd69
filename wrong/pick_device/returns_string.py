# hata: torch.device yerine "cuda" / "cpu" dizesi döndürülüyor
# beklenen-denetim: auto, CUDA yokken
# beklenen-mesaj: torch.device bekleniyordu, str
import torch


def pick_device(prefer="auto"):
    if prefer == "cpu":
        return "cpu"
    if prefer == "cuda" and not torch.cuda.is_available():
        raise RuntimeError("CUDA yok")
    return "cuda" if torch.cuda.is_available() else "cpu"
