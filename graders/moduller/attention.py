"""Değerlendirici: attention."""

import torch
import torch.nn.functional as F

from tutor.grading.spec import Case, FunctionGrader, inputs

# Hazır dikkat mekanizmasının bütün biçimleri (PyTorch'un iç çekirdekleri dahil).
# fmt: off
ATTENTIONS = (
    "scaled_dot_product_attention", "scaled_dot_product_attention_math",
    "scaled_dot_product_attention_math_for_mps", "scaled_dot_product_flash_attention",
    "scaled_dot_product_flash_attention_for_cpu", "scaled_dot_product_efficient_attention",
    "scaled_dot_product_cudnn_attention", "multi_head_attention_forward",
    "native_multi_head_attention", "triton_multi_head_attention", "triton_scaled_dot_attention",
    "transformer_encoder_layer_fwd",
)
# fmt: on
LAYERS = ("MultiheadAttention",)


def reference(q, k, v, mask=None):
    # Referans float64'te hesaplanır: CUDA çekirdekleri float32'de TF32 ya da farklı bir
    # toplama sırası kullanabilir. Sonuç girdinin veri tipine geri döner.
    out = F.scaled_dot_product_attention(q.double(), k.double(), v.double(), attn_mask=mask)
    return out.to(q.dtype)


def keep_mask(g, *shape):
    """Rastgele bir bool maske; her satırda en az bir True (tamamen maskeli satır NaN verir)."""
    mask = g.uniform(*shape) < 0.6
    keep = g.randint(0, shape[-1], *shape[:-1])
    return mask | F.one_hot(keep, shape[-1]).bool()


def _qkv(g, batch, lq, lk, d, dv=None, *, dtype=torch.float32, scale=1.0):
    dv = dv or d
    q = g.randn(*batch, lq, d, dtype=dtype, scale=scale)
    k = g.randn(*batch, lk, d, dtype=dtype, scale=scale)
    v = g.randn(*batch, lk, dv, dtype=dtype)
    return q, k, v


def _causal(g):
    q, k, v = _qkv(g, (2, 2), 5, 5, 4)
    return inputs(q, k, v, mask=torch.ones(5, 5, dtype=torch.bool).tril())


def _random(g):
    batch = g.choice([(g.integer(1, 3),), (g.integer(1, 2), g.integer(1, 3))])
    lq, lk, d, dv = g.integer(1, 6), g.integer(1, 6), g.integer(1, 8), g.integer(1, 8)
    q, k, v = _qkv(g, batch, lq, lk, d, dv)
    mask = keep_mask(g, lq, lk) if g.choice([True, False]) else None
    return inputs(q, k, v, mask=mask)


GRADER = FunctionGrader(
    symbol="attention",
    arg_names=("q", "k", "v"),
    reference=reference,
    forbidden=ATTENTIONS,
    forbidden_names=LAYERS,
    cases=[
        Case("3 boyutlu girdi (B, L, D)", lambda g: inputs(*_qkv(g, (2,), 5, 5, 8))),
        Case(
            "sorgu ve anahtar uzunlukları farklı",
            lambda g: inputs(*_qkv(g, (2,), 3, 6, 8)),
            note="Puanların şekli (..., L_q, L_k)'dir; softmax anahtarlar boyunca, yani son boyutta alınır.",
        ),
        Case(
            "değerlerin boyutu farklı (D_v ≠ D)",
            lambda g: inputs(*_qkv(g, (2,), 4, 5, 6, 3)),
            note="Ölçek 1/√D'dir; D sorguların ve anahtarların son boyutudur, değerlerinki değil.",
        ),
        Case("4 boyutlu girdi (B, H, L, D)", lambda g: inputs(*_qkv(g, (2, 3), 5, 7, 4))),
        Case(
            "maske (True = dikkat edilir)",
            lambda g: inputs(*_qkv(g, (2,), 4, 6, 8), mask=keep_mask(g, 4, 6)),
            note="Maskenin False olduğu konumların ağırlığı tam 0 olmalı: puanlarını softmax'tan önce -inf yapın.",
        ),
        Case(
            "nedensel (causal) maske",
            _causal,
            note="Nedensel maskede i. sorgu yalnızca 0..i anahtarlarını görür.",
        ),
        Case(
            "4 boyutlu girdi, yığın başına maske",
            lambda g: inputs(*_qkv(g, (2, 3), 4, 5, 6), mask=keep_mask(g, 2, 1, 4, 5)),
        ),
        Case(
            "büyük değerler (sayısal kararlılık)",
            lambda g: inputs(*_qkv(g, (2,), 4, 6, 8, scale=10.0)),
            note="İpucu: exp almadan önce her satırın en büyük puanını çıkarın ya da torch.softmax kullanın.",
        ),
        Case(
            "bitişik olmayan girdi",
            lambda g: inputs(*(t.transpose(0, 1) for t in _qkv(g, (4,), 3, 3, 5))),
        ),
        Case(
            "float64",
            lambda g: inputs(
                *_qkv(g, (2, 2), 3, 4, 5, dtype=torch.float64), mask=keep_mask(g, 3, 4)
            ),
        ),
        Case("rastgele şekil", _random, repeat=3),
    ],
)
