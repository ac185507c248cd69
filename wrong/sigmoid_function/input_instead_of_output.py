# hata: girdi x saklanmış ve türev σ yerine x ile yazılmış: x·(1 − x)
# beklenen-denetim: küçük girdiler
# beklenen-mesaj: backward'da türev σ yerine girdi x ile yazılmış
import torch


class SigmoidFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.sigmoid(x)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * x * (1 - x)
