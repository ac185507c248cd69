# hata: SmoothL1 formülü yazılmış (Huber'in delta'ya bölünmüşü); delta ≠ 1'de yanlış
# beklenen-denetim: delta=2.5
# beklenen-mesaj: SmoothL1 formülü yazılmış
import torch


def huber_loss(pred, target, delta=1.0):
    error = (pred - target).abs()
    return torch.where(error < delta, 0.5 * error**2 / delta, error - 0.5 * delta).mean()
