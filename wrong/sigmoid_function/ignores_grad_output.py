# hata: backward üstten gelen gradyanla (grad_output) çarpmayı unutmuş; zincir kuralı eksik
# beklenen-denetim: küçük girdiler
# beklenen-mesaj: yukarıdan gelen gradyanla (grad_output) çarpılmamış
import torch


class SigmoidFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        out = torch.sigmoid(x)
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, grad_output):
        (out,) = ctx.saved_tensors
        return out * (1 - out)
