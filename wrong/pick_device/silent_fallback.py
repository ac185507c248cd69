# hata: CUDA istenip de yoksa hata vermek yerine sessizce CPU'ya dönülüyor
# beklenen-denetim: cuda, CUDA yokken: RuntimeError
# beklenen-mesaj: RuntimeError bekleniyordu, cpu
import torch


def pick_device(prefer="auto"):
    if prefer == "cpu":
        return torch.device("cpu")
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")
