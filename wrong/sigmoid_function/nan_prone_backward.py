# hata: girdi saklanıp türev e^(-x) / (1 + e^(-x))² formülüyle yeniden hesaplanmış; -1000'de inf / inf = NaN
# beklenen-denetim: uç değerler (±1000): değer ve gradyan sonlu
# beklenen-mesaj: backward türevi girdiden e^(−x) / (1 + e^(−x))² olarak yeniden hesaplıyor
import torch


class SigmoidFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.sigmoid(x)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        e = torch.exp(-x)
        return grad_output * e / (1 + e) ** 2
