import torch


def pick_device(prefer: str = "auto") -> torch.device:
    if prefer == "cpu":
        return torch.device("cpu")
    available = torch.cuda.is_available()  # her çağrıda yeniden sor
    if prefer == "cuda" and not available:
        raise RuntimeError(
            "CUDA istendi ama bu makinede kullanılabilir bir CUDA cihazı yok. "
            "'cpu' ya da 'auto' deneyin."
        )
    return torch.device("cuda" if available else "cpu")
