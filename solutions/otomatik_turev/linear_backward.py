import torch


def linear_backward(
    x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor, grad_output: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    # y = x @ weight.T + bias; şekiller: x (N, in), weight (out, in), grad_output (N, out).
    grad_x = grad_output @ weight  # (N, out) @ (out, in) → (N, in)
    grad_weight = grad_output.T @ x  # (out, N) @ (N, in) → (out, in)
    grad_bias = grad_output.sum(dim=0)  # sapma her örneğe eklenir: katkılar toplanır → (out,)
    return grad_x, grad_weight, grad_bias
