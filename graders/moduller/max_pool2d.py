"""Değerlendirici: max_pool2d."""

import torch
import torch.nn.functional as F

from tutor.grading.compare import RemoteTensor, format_shape
from tutor.grading.spec import Case, FunctionGrader, inputs

AVERAGE = (
    "Çıktınız pencerelerin ortalamasına eşit (ortalama havuzlama): max_pool2d her pencerenin "
    "en büyük değerini alır."
)
STRIDE_ONE = (
    "stride verilmediğinde kaydırma adımı 1 alınmış: çıktınız stride=1 ile havuzlanana eşit. "
    "PyTorch'ta stride None ise kaydırma adımı kernel_size'dır; pencereler örtüşmez."
)
STRIDE_IS_KERNEL = (
    "Pencereler stride={stride} kadar değil, kernel_size={kernel} kadar kaydırılmış: "
    "çıktınız stride=kernel_size ile havuzlanana eşit (girdiyi k×k bloklara bölmek de böyle "
    "davranır). Pencere başlangıçlarını stride adımlarla ilerletin."
)
SIZE_BY_DIVISION = (
    "Çıktı boyutu H // kernel_size ile hesaplanmış gibi: {got}. Kaydırma adımı kernel_size'dan "
    "farklıyken boyut (H - k) // stride + 1 olur; burada {expected}."
)


def reference_pool(x, kernel_size, stride=None):
    return F.max_pool2d(x.double(), kernel_size, stride=stride)


def _close(got, wanted):
    return got.shape == wanted.shape and torch.allclose(got.double(), wanted, atol=1e-6)


def diagnose(data, got, expected):
    """Çıktı farklıysa: ortalama mı alınmış, kaydırma adımı mı yanlış, boyut mu bölmeyle
    hesaplanmış?"""
    if not isinstance(got, RemoteTensor):
        return None
    x, kernel, *rest = data.args
    stride = rest[0] if rest else data.kwargs.get("stride")
    y = got.tensor
    if _close(y, F.avg_pool2d(x.double(), kernel, stride=stride)):
        return AVERAGE
    if stride is None and kernel > 1 and _close(y, reference_pool(x, kernel, 1)):
        return STRIDE_ONE
    if stride is not None and stride != kernel and _close(y, reference_pool(x, kernel, kernel)):
        return STRIDE_IS_KERNEL.format(stride=stride, kernel=kernel)
    h, w = x.shape[-2:]
    by_division = (*expected.shape[:-2], h // kernel, w // kernel)
    if y.shape != expected.shape and tuple(y.shape) == by_division:
        return SIZE_BY_DIVISION.format(
            got=format_shape(y.shape[-2:]), expected=format_shape(expected.shape[-2:])
        )
    return None


# En büyük değer havuzlamasının her biçimi ve pencereleri hazır çıkaran unfold/im2col.
# fmt: off
MAX_POOLS = (
    "max_pool1d", "max_pool2d", "max_pool3d",
    "max_pool1d_with_indices", "max_pool2d_with_indices", "max_pool3d_with_indices",
    "adaptive_max_pool1d", "adaptive_max_pool2d", "adaptive_max_pool3d",
    "adaptive_max_pool1d_with_indices", "adaptive_max_pool2d_with_indices",
    "adaptive_max_pool3d_with_indices", "fractional_max_pool2d", "fractional_max_pool3d",
    "fractional_max_pool2d_with_indices", "fractional_max_pool3d_with_indices",
    "mkldnn_max_pool2d", "mkldnn_max_pool3d", "quantized_max_pool1d", "quantized_max_pool2d",
    "quantized_max_pool3d", "unfold", "unfold_copy", "im2col",
)
LAYERS = (
    "MaxPool1d", "MaxPool2d", "MaxPool3d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d",
    "AdaptiveMaxPool3d", "FractionalMaxPool2d", "FractionalMaxPool3d", "Unfold",
)
# fmt: on


def reference(x, kernel_size, stride=None):
    return F.max_pool2d(x, kernel_size, stride=stride)


def _random(g):
    kernel = g.integer(1, 4)
    stride = g.choice([None, 1, 2, 3])
    h, w = g.integer(kernel, 10), g.integer(kernel, 10)
    x = g.randn(g.integer(1, 3), g.integer(1, 4), h, w)
    return inputs(x, kernel) if stride is None else inputs(x, kernel, stride)


# Girdiler rastgeledir: bir pencerede iki eşit en büyük değer (eşitlik) olmaz, böylece
# gradyanın hangi elemana gideceği tektir.
GRADER = FunctionGrader(
    symbol="max_pool2d",
    arg_names=("x", "kernel_size", "stride"),
    reference=reference,
    forbidden=MAX_POOLS,
    forbidden_names=LAYERS,
    diagnose=diagnose,
    cases=[
        Case("2×2 pencere, varsayılan kaydırma adımı", lambda g: inputs(g.randn(2, 3, 6, 8), 2)),
        Case(
            "varsayılan kaydırma adımı çekirdek boyutudur (3×3)",
            lambda g: inputs(g.randn(1, 2, 9, 6), 3),
            note="stride verilmezse (None) kaydırma adımı kernel_size'a eşittir: pencereler örtüşmez.",
        ),
        Case("stride=None açıkça verildiğinde", lambda g: inputs(g.randn(2, 2, 8, 8), 2, None)),
        Case(
            "örtüşen pencereler (kernel_size=3, stride=2)",
            lambda g: inputs(g.randn(2, 2, 7, 9), 3, 2),
            note="Kaydırma adımı pencereden küçükse pencereler örtüşür: çıktı boyutu (H - k) // s + 1.",
        ),
        Case(
            "çekirdeğe bölünmeyen boyutlar (7×9, kernel_size=2)",
            lambda g: inputs(g.randn(2, 3, 7, 9), 2),
            note="Sona sığmayan satır ve sütunlar atılır: boyut aşağı yuvarlanır.",
        ),
        Case(
            "kaydırma adımı pencereden büyük (kernel_size=2, stride=3)",
            lambda g: inputs(g.randn(1, 3, 8, 8), 2, 3),
        ),
        Case("pencere bütün girdiyi kaplar", lambda g: inputs(g.randn(2, 4, 4, 4), 4)),
        Case("kernel_size=1, stride=1", lambda g: inputs(g.randn(2, 2, 3, 5), 1, 1)),
        Case("çok kanallı, büyük yığın", lambda g: inputs(g.randn(8, 16, 6, 6), 2)),
        Case("bitişik olmayan girdi", lambda g: inputs(g.randn(2, 3, 8, 6).transpose(2, 3), 2)),
        Case("float64", lambda g: inputs(g.randn(2, 3, 7, 7, dtype=torch.float64), 3, 2)),
        Case("rastgele şekil", _random, repeat=3),
    ],
)
