# hata: backward saklanan tensörü kullanmak yerine torch.sigmoid'i yeniden çağırıyor
# beklenen-hata: forbidden
# beklenen-mesaj: torch.sigmoid (backward içinde)
import torch


class SigmoidFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.sigmoid(x)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        s = torch.sigmoid(x)
        return grad_output * s * (1 - s)
