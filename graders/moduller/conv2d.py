"""Değerlendirici: conv2d."""

import torch
import torch.nn.functional as F

from tutor.grading.spec import Case, FunctionGrader, inputs

# Evrişimin her biçimi, pencereleri hazır çıkaran unfold/im2col ve evrişim katmanları.
# fmt: off
CONVOLUTIONS = (
    "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d",
    "conv_tbc", "convolution", "convolution_mode", "conv_depthwise2d", "conv_depthwise3d",
    "thnn_conv2d", "slow_conv3d", "slow_conv_dilated2d", "slow_conv_dilated3d",
    "slow_conv_transpose2d", "slow_conv_transpose3d", "mkldnn_convolution", "cudnn_convolution",
    "cudnn_convolution_transpose", "cudnn_convolution_relu", "cudnn_convolution_add_relu",
    "miopen_convolution", "miopen_depthwise_convolution", "nnpack_spatial_convolution",
    "unfold", "unfold_copy", "im2col",
)
LAYERS = (
    "Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d",
    "LazyConv1d", "LazyConv2d", "LazyConv3d", "Unfold",
)
# fmt: on


def reference(x, weight, bias=None, stride=1, padding=0):
    # Referans float64'te hesaplanır: CUDA'da float32 evrişim TF32 ile yapılabilir ve
    # doğru bir çözümden 1e-3 kadar sapar. Sonuç girdinin veri tipine geri döner.
    wide = None if bias is None else bias.double()
    out = F.conv2d(x.double(), weight.double(), wide, stride=stride, padding=padding)
    return out.to(x.dtype)


def _conv(g, n, c_in, c_out, h, w, kh, kw=None, *, bias=True, dtype=torch.float32, **kwargs):
    x = g.randn(n, c_in, h, w, dtype=dtype)
    weight = g.randn(c_out, c_in, kh, kw or kh, dtype=dtype)
    b = g.randn(c_out, dtype=dtype) if bias else None
    return inputs(x, weight, b, **kwargs)


def _random(g):
    kh, kw = g.integer(1, 4), g.integer(1, 4)
    stride, padding = g.integer(1, 3), g.integer(0, 2)
    # Dolgulu girdi çekirdekten küçük olmasın: çıktı en az 1×1.
    h = g.integer(max(1, kh - 2 * padding), 9)
    w = g.integer(max(1, kw - 2 * padding), 9)
    return _conv(
        g,
        g.integer(1, 3),
        g.integer(1, 4),
        g.integer(1, 4),
        h,
        w,
        kh,
        kw,
        bias=g.choice([True, False]),
        stride=stride,
        padding=padding,
    )


GRADER = FunctionGrader(
    symbol="conv2d",
    arg_names=("x", "weight", "bias"),
    reference=reference,
    forbidden=CONVOLUTIONS,
    forbidden_names=LAYERS,
    cases=[
        Case(
            "tek kanal, 3×3 çekirdek, sapma yok", lambda g: _conv(g, 1, 1, 1, 5, 5, 3, bias=False)
        ),
        Case(
            "birden çok giriş ve çıkış kanalı",
            lambda g: _conv(g, 2, 3, 4, 6, 7, 3, bias=False),
            note="Her çıkış kanalı, bütün giriş kanallarının katkılarının toplamıdır.",
        ),
        Case(
            "sapma (bias) verildiğinde",
            lambda g: _conv(g, 2, 3, 4, 6, 6, 3),
            note="Sapma, her çıkış kanalının bütün konumlarına eklenir: şekli (1, C_out, 1, 1) olarak yayımlayın.",
        ),
        Case(
            "stride=2",
            lambda g: _conv(g, 2, 2, 3, 7, 8, 3, stride=2),
            note="Pencere her seferinde 2 piksel kayar: çıktı boyutu (H - k) // 2 + 1.",
        ),
        Case(
            "padding=1",
            lambda g: _conv(g, 2, 3, 4, 5, 6, 3, padding=1),
            note="Dolgu hem yüksekliğin hem genişliğin iki yanına eklenir: çıktı boyutu (H + 2p - k) // s + 1.",
        ),
        Case("stride=2, padding=1", lambda g: _conv(g, 2, 3, 5, 8, 9, 3, stride=2, padding=1)),
        Case(
            "kare olmayan çekirdek ve girdi (2×4)",
            lambda g: _conv(g, 1, 2, 3, 6, 9, 2, 4, padding=1),
            note="Yükseklik ve genişlik için çekirdeğin kendi boyutlarını ayrı ayrı kullanın.",
        ),
        Case("1×1 çekirdek", lambda g: _conv(g, 2, 4, 3, 5, 5, 1)),
        Case(
            "bitişik olmayan girdi",
            lambda g: inputs(g.randn(2, 3, 7, 6).transpose(2, 3), g.randn(2, 3, 3, 3)),
        ),
        Case(
            "float64",
            lambda g: _conv(g, 2, 3, 2, 6, 5, 3, dtype=torch.float64, stride=2, padding=1),
        ),
        Case("rastgele şekil", _random, repeat=3),
    ],
)
