# hata: backward türev σ·(1 − σ) yerine σ'nın kendisiyle çarpıyor
# beklenen-denetim: küçük girdiler
# beklenen-mesaj: (1 − σ) çarpanı eksik
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
        return grad_output * out
