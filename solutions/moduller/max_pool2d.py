import torch


def max_pool2d(x: torch.Tensor, kernel_size: int, stride: int | None = None) -> torch.Tensor:
    if stride is None:
        stride = kernel_size  # varsayılan: pencereler örtüşmeden yan yana
    height, width = x.shape[-2:]
    out_h = (height - kernel_size) // stride + 1
    out_w = (width - kernel_size) // stride + 1

    out = None
    # Penceredeki her (i, j) konumu için bütün pencerelerin o konumdaki değerleri bir dilimdir;
    # dilimlerin eleman bazında en büyüğü, pencerelerin en büyüğüdür.
    for i in range(kernel_size):
        for j in range(kernel_size):
            patch = x[
                ...,
                i : i + stride * (out_h - 1) + 1 : stride,
                j : j + stride * (out_w - 1) + 1 : stride,
            ]
            out = patch if out is None else torch.maximum(out, patch)
    return out
