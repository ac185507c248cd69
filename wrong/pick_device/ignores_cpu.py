# hata: prefer="cpu" dikkate alınmıyor; CUDA varken yine cuda seçiliyor
# beklenen-denetim: cpu, CUDA varken
# beklenen-mesaj: cihaz cpu, dönen cuda
import torch


def pick_device(prefer="auto"):
    available = torch.cuda.is_available()
    if prefer == "cuda" and not available:
        raise RuntimeError("CUDA istendi ama kullanılabilir bir CUDA cihazı yok.")
    return torch.device("cuda" if available else "cpu")
