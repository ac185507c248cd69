import torch


class SigmoidFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: torch.Tensor) -> torch.Tensor:
        out = torch.sigmoid(x)  # forward'da serbest; ±1000'de de sonlu
        ctx.save_for_backward(out)  # σ'(x) = σ(x)·(1 − σ(x)): çıktıyı saklamak yeter
        return out

    @staticmethod
    def backward(ctx, grad_output: torch.Tensor) -> torch.Tensor:
        (out,) = ctx.saved_tensors
        # Zincir kuralı: yukarıdan gelen gradyan, yerel türevle eleman bazında çarpılır.
        return grad_output * out * (1 - out)
