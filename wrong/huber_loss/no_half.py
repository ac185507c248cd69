# hata: karesel parçada 0.5 çarpanı unutulmuş; iki parça delta'da birleşmiyor
# beklenen-denetim: delta'nın iki yanındaki hatalar
# beklenen-mesaj: Karesel parçada 0.5 çarpanı eksik
import torch


def huber_loss(pred, target, delta=1.0):
    error = (pred - target).abs()
    return torch.where(error < delta, error**2, delta * (error - 0.5 * delta)).mean()
