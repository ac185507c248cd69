# hata: doğrusal parçada "- 0.5 * delta" terimi unutulmuş
# beklenen-denetim: delta'nın iki yanındaki hatalar
# beklenen-mesaj: Doğrusal parçada −0.5 · delta terimi eksik
import torch


def huber_loss(pred, target, delta=1.0):
    error = (pred - target).abs()
    return torch.where(error < delta, 0.5 * error**2, delta * error).mean()
