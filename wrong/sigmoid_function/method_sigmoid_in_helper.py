# hata: backward, sigmoid'i yardımcı bir fonksiyonda Tensor.sigmoid ile hesaplatıyor
# beklenen-hata: forbidden
# beklenen-mesaj: Tensor.sigmoid (backward içinde)
import torch


def local_slope(x):
    s = x.sigmoid()
    return s * (1 - s)


class SigmoidFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return 1 / (1 + torch.exp(-x))

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * local_slope(x)
