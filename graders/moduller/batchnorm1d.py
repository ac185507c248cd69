"""Değerlendirici: BatchNorm1d (yığın normalleştirme).

num_batches_tracked isteğe bağlıdır: yazılırsa PyTorch'taki gibi int64, 0 boyutlu bir tampon
olmalı ve her eğitim adımında 1 artmalı; yazılmazsa denetlenmez.
"""

import torch
from torch import nn

from tutor.grading.compare import RemoteTensor
from tutor.grading.modules import ModuleGrader, eval_step, init_constant, module_case, train_step
from tutor.grading.spec import Case, inputs

USED_RUNNING_IN_TRAIN = (
    "Çıktınız hareketli istatistiklerle (running_mean, running_var) normalleştirilmiş gibi görünüyor; "
    "eğitim kipinde yığının kendi ortalaması ve yanlı varyansı kullanılmalı."
)
USED_BATCH_IN_EVAL = (
    "Çıktınız yığının kendi istatistikleriyle normalleştirilmiş gibi görünüyor; değerlendirme kipinde "
    "running_mean ve running_var kullanılmalı (tek örnekli bir yığın da tutarlı sonuç almalı)."
)


def _normalize(x, mean, var, state, eps):
    shape = [1, -1] + [1] * (x.dim() - 2)
    x_hat = (x - mean.reshape(shape)) / torch.sqrt(var.reshape(shape) + eps)
    return x_hat * state["weight"].reshape(shape) + state["bias"].reshape(shape)


def which_statistics(ctx):
    """Çıktı farklıysa: öğrenci istatistiklerin yanlış türünü mü kullanmış?"""
    if not isinstance(ctx.got, RemoteTensor) or ctx.got.tensor.shape != ctx.expected.shape:
        return None
    x = ctx.inputs[0].double()
    state = {k: v.double() for k, v in ctx.state.items()}
    eps = ctx.init.get("eps", 1e-5)
    dims = [0] if x.dim() == 2 else [0, 2]
    got = ctx.got.tensor.double()
    mean, var = x.mean(dim=dims), x.var(dim=dims, correction=0)
    if ctx.step.train:
        # Güncellemeden önceki ya da sonraki hareketli istatistikler.
        m, n = ctx.init.get("momentum", 0.1), x.numel() // x.shape[1]
        rm, rv = state["running_mean"], state["running_var"]
        candidates = [(rm, rv), ((1 - m) * rm + m * mean, (1 - m) * rv + m * var * n / (n - 1))]
        message = USED_RUNNING_IN_TRAIN
    else:
        candidates, message = [(mean, var)], USED_BATCH_IN_EVAL
    for cmean, cvar in candidates:
        other = _normalize(x, cmean, cvar, state, eps).to(got.device)
        if torch.allclose(got, other, atol=1e-4, rtol=1e-3):
            return message
    return None


def _batch(g, *shape, scale=2.0, shift=1.0):
    return g.randn(*shape) * scale + shift


def _case(g, init, steps, shape):
    return module_case(init, *[step(_batch(g, *shape)) for step in steps])


def _constant_channels(g, n, c):
    """Her kanalda bütün örnekler aynı: yığının varyansı yanlı da yansız da 0'dır."""
    return g.randn(1, c).expand(n, c).clone() * 2.0 + 1.0


RUNNING_NOTE = (
    "Eğitimde hareketli istatistikler (running_mean, running_var) şöyle güncellenir: "
    "yeni = (1 - momentum) · eski + momentum · yığın_istatistiği; running_var için yığının "
    "yansız varyansı (n - 1'e bölünen) kullanılır, normalleştirmede ise yanlı varyans (n'ye bölünen)."
)

GRADER = ModuleGrader(
    symbol="BatchNorm1d",
    reference=nn.BatchNorm1d,
    init_names=("num_features", "eps", "momentum"),
    shape_docs={
        "weight": "num_features",
        "bias": "num_features",
        "running_mean": "num_features",
        "running_var": "num_features",
        "num_batches_tracked": "0 boyutlu bir sayaç",
    },
    optional_buffers=("num_batches_tracked",),
    diagnose=which_statistics,
    init_check=init_constant({"weight": 1.0, "bias": 0.0, "running_mean": 0.0, "running_var": 1.0}),
    forbidden=(
        "batch_norm",
        "native_batch_norm",
        "batch_norm_stats",
        "batch_norm_elemt",
        "batch_norm_gather_stats",
        "instance_norm",
    ),
    forbidden_names=(
        "BatchNorm2d",
        "BatchNorm3d",
        "LazyBatchNorm1d",
        "LazyBatchNorm2d",
        "LazyBatchNorm3d",
        "SyncBatchNorm",
        "InstanceNorm1d",
        "batch_norm",
        "native_batch_norm",
        "instance_norm",
    ),
    cases=[
        Case(
            "eğitim kipi, (N, C) girdi",
            lambda g: _case(g, inputs(4), [train_step], (8, 4)),
        ),
        Case(
            "hareketli istatistikler, 3 eğitim adımı",
            lambda g: _case(g, inputs(3), [train_step] * 3, (6, 3)),
            note=RUNNING_NOTE,
        ),
        Case(
            "değerlendirme kipi hareketli istatistikleri kullanır",
            lambda g: _case(g, inputs(3), [train_step, train_step, eval_step], (5, 3)),
            note="Değerlendirme kipinde (self.training False) yığının değil, running_mean ve running_var'ın "
            "değerleri kullanılır; tamponlar güncellenmez.",
        ),
        Case(
            "3 boyutlu girdi (N, C, L)",
            lambda g: _case(g, inputs(3), [train_step, eval_step], (4, 3, 5)),
            note="(N, C, L) girdide istatistikler her kanal için N ve L boyutları üzerinden birlikte hesaplanır.",
        ),
        Case(
            "eps ve momentum argümanları",
            lambda g: _case(
                g, inputs(5, eps=1e-3, momentum=0.3), [train_step, train_step, eval_step], (7, 5)
            ),
            note="eps ve momentum için sabit sayı yazmayın; __init__'e verilenleri kullanın.",
        ),
        Case("yığın boyutu 2", lambda g: _case(g, inputs(3), [train_step, eval_step], (2, 3))),
        Case(
            "state_dict yükleme (load_state_dict)",
            lambda g: module_case(
                inputs(4), train_step(x := _batch(g, 6, 4)), eval_step(x, reload=True)
            ),
            note="Yüklenen running_mean ve running_var değerlendirme kipinde kullanılmalı.",
        ),
        # Hareketli istatistiklerin iki hatası, her biri yalnızca kendi durumunda görünür:
        # momentum = 0.5'te momentumun hangi terime yazıldığı fark etmez; her kanalı sabit
        # bir yığında ise yanlı ve yansız varyans aynıdır (0).
        Case(
            "running_var yansız varyansla güncellenir (momentum=0.5)",
            lambda g: _case(g, inputs(4, momentum=0.5), [train_step], (6, 4)),
            note="running_var, yığının yansız varyansıyla (n - 1'e bölünen) güncellenir; "
            "normalleştirmede ise yanlı varyans (n'ye bölünen) kullanılır.",
        ),
        Case(
            "momentum yeni istatistiğin ağırlığıdır (her kanalı sabit yığın)",
            lambda g: module_case(
                inputs(3, momentum=0.2), train_step(_constant_channels(g, 5, 3), backward=False)
            ),
            note="PyTorch'ta momentum yeni yığın istatistiğinin ağırlığıdır (Keras'takinin "
            "tersi): yeni = (1 - momentum) · eski + momentum · yığın_istatistiği.",
        ),
    ],
)
