# hata: sonuç her zaman float32'ye çevriliyor; float64 girdide veri tipi bozuluyor
# beklenen-denetim: float64
# beklenen-mesaj: sonuç torch.float32 veri tipine çevrilmiş
import torch


def relu(x):
    return torch.where(x > 0, x, torch.zeros_like(x)).float()
