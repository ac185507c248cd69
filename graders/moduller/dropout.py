"""Değerlendirici: Dropout.

Eğitim kipinde maske rastgeledir; bu yüzden 0 < p < 1 olan adımlar referansla değil, istatistikle
ve kesin kurallarla denetlenir: her eleman ya 0 ya da tam olarak x / (1 - p) olmalı, sıfırlanan
oran p'ye yakın olmalı, gradyan aynı maskeden geçmeli ve maske her çağrıda yeniden çekilmeli.
Değerlendirme kipi, p = 0 ve p = 1 ise belirlidir ve nn.Dropout ile karşılaştırılır.
"""

import math

import torch
from torch import nn

from tutor import messages as M
from tutor.grading.compare import (
    RemoteTensor,
    check_tensor,
    compare_values,
    describe_type,
    format_index,
    format_shape,
)
from tutor.grading.modules import ModuleGrader, eval_step, module_case, train_step
from tutor.grading.spec import Case, inputs

NOT_SCALED = (
    "Sıfırlanmayan değerler ölçeklenmemiş: x / (1 - p) = x / {keep:g} olmalıydı, girdinin kendisi "
    "geldi. Eğitimde hayatta kalan değerleri 1/(1-p) ile çarpın ki çıktının beklenen değeri girdiye "
    "eşit kalsın; değerlendirmede hiçbir şey yapılmaz."
)
WRONG_SCALE = "Sıfırlanmayan değerler tam olarak x / (1 - p) = x / {keep:g} olmalı. {detail}"
WRONG_RATE = (
    "Sıfırlanan elemanların oranı p = {p:g} civarında olmalı; sizde {rate:.3f} ({n} elemandan {zeros} "
    "tanesi sıfır). Her eleman p olasılıkla sıfırlanır, 1 - p olasılıkla kalır."
)
SAME_MASK = (
    "Aynı girdiyle iki kez çağrıldığında aynı elemanlar sıfırlandı: maske her ileri geçişte "
    "yeniden ve rastgele çekilmeli (forward içinde torch.manual_seed çağırmayın, maskeyi saklamayın)."
)
WHAT_GRAD = "x gradyanı (aynı maskeden geçmeli: hayatta kalanlarda üst gradyan / (1 - p), sıfırlananlarda 0)"
ALWAYS_ON = (
    "Değerlendirme kipinde de elemanlar sıfırlanmış ve kalanlar 1/(1 - p) ile ölçeklenmiş: "
    "`self.training` False iken forward girdiyi olduğu gibi döndürmeli."
)
P_ONE_NAN = (
    "p = 1 iken bütün çıktı NaN: 1/(1 - p) sıfıra bölmedir ve 0 / 0 = NaN verir. p = 1 hâlini "
    "ayrıca ele alıp sıfır döndürün (ör. x * 0.0, böylece gradyan da 0 olur)."
)
EVAL_NOTE = "Değerlendirme kipinde (self.training False) dropout hiçbir şeyi sıfırlamaz ve ölçeklemez: girdi aynen döner."


def check_random_step(ctx):
    p = float(ctx.init.get("p", 0.5))
    keep = 1.0 - p
    x = ctx.inputs[0].detach().cpu()
    got = ctx.got
    what = M.WHAT_OUTPUT.capitalize()
    if not isinstance(got, RemoteTensor):
        return M.CMP_NOT_TENSOR.format(what=what, got=describe_type(got))
    y = got.tensor.detach()
    if tuple(y.shape) != tuple(x.shape):
        return M.CMP_SHAPE.format(
            what=what, expected=format_shape(x.shape), actual=format_shape(y.shape)
        )
    if y.dtype != x.dtype:
        return M.CMP_DTYPE.format(what=what, expected=x.dtype, actual=y.dtype)
    if got.device != str(ctx.inputs[0].device):
        return M.CMP_DEVICE.format(what=what, expected=ctx.inputs[0].device, actual=got.device)
    bad = ~torch.isfinite(y)
    if bool(bad.any()):
        kind = M.NONFINITE_NAN if bool(torch.isnan(y).any()) else M.NONFINITE_INF
        first = format_index(int(bad.reshape(-1).nonzero()[0]), tuple(y.shape))
        return M.CMP_NONFINITE.format(what=what, count=int(bad.sum()), kind=kind, index=first)
    zeros = y == 0
    kept = ~zeros
    if bool(kept.any()):
        scaled = x[kept] / keep
        problem = compare_values(y[kept], scaled, what)
        if problem:
            if torch.allclose(y[kept], x[kept], atol=1e-6, rtol=1e-5):
                return NOT_SCALED.format(keep=keep)
            return WRONG_SCALE.format(keep=keep, detail=problem)
    n = y.numel()
    rate = float(zeros.double().mean())
    sigma = math.sqrt(p * keep / n)
    if abs(rate - p) > 6 * sigma + 0.01:
        return WRONG_RATE.format(p=p, rate=rate, n=n, zeros=int(zeros.sum()))
    for earlier in ctx.previous:
        if isinstance(earlier, RemoteTensor) and earlier.tensor.shape == y.shape:
            if bool((earlier.tensor == 0).any()) and torch.equal(earlier.tensor == 0, zeros):
                return SAME_MASK
    if ctx.got_grads:
        grad = ctx.got_grads[0]
        if grad is None:
            return M.CMP_NO_GRAD.format(name="x")
        expected = ctx.upstream[0].cpu() * kept / keep
        return check_tensor(grad, expected, WHAT_GRAD, atol=1e-5, rtol=1e-4)
    return None


def diagnose(ctx):
    """Belirli adımlarda (değerlendirme kipi, p = 0 ya da 1) çıktı farklıysa: değerlendirme
    kipinde de mi sıfırlanmış, p = 1'de sıfıra mı bölünmüş?"""
    if not isinstance(ctx.got, RemoteTensor) or ctx.got.tensor.shape != ctx.inputs[0].shape:
        return None
    p = float(ctx.init.get("p", 0.5))
    x, y = ctx.inputs[0].detach().cpu().double(), ctx.got.tensor.double()
    if not ctx.step.train and 0 < p < 1:
        kept = y != 0
        if bool((~kept).any()) and torch.allclose(y[kept], x[kept] / (1 - p), atol=1e-5, rtol=1e-4):
            return ALWAYS_ON
    if ctx.step.train and p == 1 and bool(torch.isnan(y).all()):
        return P_ONE_NAN
    return None


def _nonzero(x):
    """Sıfırlanan elemanlar çıktıdaki sıfırlardan anlaşılır; bu yüzden girdide sıfır olmamalı."""
    return torch.where(x.abs() < 1e-3, torch.ones_like(x), x)


def _random(g, p, *shape, steps=1):
    x = _nonzero(g.randn(*shape))
    init = inputs() if p is None else inputs(p)
    return module_case(init, *[train_step(x, custom=True) for _ in range(steps)])


GRADER = ModuleGrader(
    symbol="Dropout",
    reference=nn.Dropout,
    init_names=("p",),
    check_step=check_random_step,
    diagnose=diagnose,
    forbidden=(
        "dropout",
        "alpha_dropout",
        "feature_dropout",
        "feature_alpha_dropout",
        "native_dropout",
        "dropout1d",
        "dropout2d",
        "dropout3d",
        "fused_dropout",
    ),
    forbidden_names=(
        "Dropout1d",
        "Dropout2d",
        "Dropout3d",
        "AlphaDropout",
        "FeatureAlphaDropout",
        "dropout",
        "alpha_dropout",
        "feature_alpha_dropout",
        "dropout1d",
        "dropout2d",
        "dropout3d",
        "native_dropout",
    ),
    cases=[
        Case("eğitim kipi, p=0.5", lambda g: _random(g, 0.5, 100, 200)),
        Case("eğitim kipi, p=0.2", lambda g: _random(g, 0.2, 80, 100)),
        Case("eğitim kipi, varsayılan p (0.5)", lambda g: _random(g, None, 50, 100)),
        Case("eğitim kipi, 3 boyutlu girdi, p=0.3", lambda g: _random(g, 0.3, 8, 20, 30)),
        Case("her çağrıda yeni maske", lambda g: _random(g, 0.5, 40, 50, steps=2)),
        Case(
            "değerlendirme kipi: girdi aynen geçer",
            lambda g: module_case(inputs(0.5), eval_step(g.randn(30, 40))),
            note=EVAL_NOTE,
        ),
        Case(
            "p=0: hiçbir şey sıfırlanmaz",
            lambda g: module_case(inputs(0.0), train_step(g.randn(20, 30))),
        ),
        Case(
            "p=1: her şey sıfırlanır",
            lambda g: module_case(inputs(1.0), train_step(g.randn(20, 30))),
            note="p = 1 iken her eleman sıfırlanır: çıktı da gradyan da tamamen 0 olmalı.",
        ),
        Case(
            "girdi yerinde değiştirilmemeli",
            lambda g: module_case(inputs(0.5), train_step(_nonzero(g.randn(30, 40)), custom=True)),
            grad=False,
            note="x.mul_(...) ya da x[maske] = 0 girdiyi değiştirir; yeni bir tensör döndürün.",
        ),
    ],
)
