# hata: "auto" her zaman cpu seçiyor; CUDA varken de GPU kullanılmıyor
# beklenen-denetim: auto, CUDA varken
# beklenen-mesaj: cihaz cuda, dönen cpu
import torch


def pick_device(prefer="auto"):
    if prefer == "cuda":
        if not torch.cuda.is_available():
            raise RuntimeError("CUDA istendi ama kullanılabilir bir CUDA cihazı yok.")
        return torch.device("cuda")
    return torch.device("cpu")
