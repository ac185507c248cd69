"""Değerlendirici: conv2d."""

import torch
import torch.nn.functional as F

from tutor.grading.compare import RemoteTensor, format_shape
from tutor.grading.spec import Case, FunctionGrader, inputs

NO_BIAS = (
    "Çıktınız sapmasız evrişime eşit: bias verildiğinde her çıkış kanalına eklenmeli "
    "(bias.view(1, -1, 1, 1))."
)
BIAS_LAST_DIM = (
    "Sapma kanal boyutuna değil son boyuta (genişliğe) yayımlanmış: `out + bias`, (C_out,) "
    "şeklindeki sapmayı sağdan hizalar. bias.view(1, -1, 1, 1) ile kanal boyutuna yayımlayın."
)
FLIPPED = (
    "Çıktınız, çekirdeği 180° döndürülmüş (yatayda ve dikeyde ters çevrilmiş) evrişime eşit: "
    "PyTorch'un conv2d'si çapraz korelasyon hesaplar, çekirdeği çevirmez."
)
PAD_WIDTH_ONLY = (
    "Dolgu yalnızca genişliğe eklenmiş: çıktınız {got} şeklinde, yükseklik dolgusuz girdiden "
    "hesaplanmış. `F.pad(x, (p, p))` yalnızca son boyutu doldurur; `F.pad(x, (p, p, p, p))` "
    "yazın."
)
STRIDE_IGNORED = (
    "Çıktının boyutu doğru, ama pencereler {stride} piksel değil 1'er piksel kaydırılmış: "
    "değerleriniz stride=1 evrişiminin ilk satır ve sütunlarına eşit. i. çıktı satırının "
    "penceresi i·stride satırından başlar: dilimde aralığı (`::stride`) kullanın."
)


def _convolve(x, weight, bias=None, stride=1, padding=0):
    wide = None if bias is None else bias.double()
    return F.conv2d(x.double(), weight.double(), wide, stride=stride, padding=padding)


def _close(got, wanted):
    return got.shape == wanted.shape and torch.allclose(got.double(), wanted, atol=1e-4, rtol=1e-4)


def diagnose(data, got, expected):
    """Çıktı farklıysa: sapma mı eksik ya da yanlış eksende, çekirdek mi ters, dolgu yalnızca
    genişliğe mi, kaydırma adımı mı yok sayılmış?"""
    if not isinstance(got, RemoteTensor):
        return None
    x, weight, *rest = data.args
    bias = rest[0] if rest else data.kwargs.get("bias")
    stride = data.kwargs.get("stride", 1)
    padding = data.kwargs.get("padding", 0)
    y = got.tensor
    if padding and y.shape[-1] == expected.shape[-1] and y.shape[-2] != expected.shape[-2]:
        wide = F.pad(x.double(), (padding, padding))
        if _close(y, _convolve(wide, weight, bias, stride)):
            return PAD_WIDTH_ONLY.format(got=format_shape(y.shape))
    if y.shape != expected.shape:
        return None
    plain = _convolve(x, weight, None, stride, padding)
    if bias is not None and bool(bias.any()):
        if _close(y, plain):
            return NO_BIAS
        try:
            if _close(y, plain + bias.double()):
                return BIAS_LAST_DIM
        except RuntimeError:
            pass
    if _close(y, _convolve(x, weight.flip(-1, -2), bias, stride, padding)):
        return FLIPPED
    if stride > 1:
        dense = _convolve(x, weight, bias, 1, padding)[..., : y.shape[-2], : y.shape[-1]]
        if _close(y, dense):
            return STRIDE_IGNORED.format(stride=stride)
    return None


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
    diagnose=diagnose,
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
