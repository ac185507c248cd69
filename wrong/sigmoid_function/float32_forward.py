# hata: forward girdiyi float32'ye çeviriyor; float64 girdide çıktı float64 olmuyor
# beklenen-denetim: gradcheck (float64)
# beklenen-mesaj: sonuç torch.float32 veri tipine çevrilmiş
import torch


class SigmoidFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        out = torch.sigmoid(x.float())
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, grad_output):
        (out,) = ctx.saved_tensors
        return grad_output * out * (1 - out)
