"""Değerlendirici: attention."""

import math

import torch
import torch.nn.functional as F

from tutor.grading.compare import RemoteTensor
from tutor.grading.spec import Case, FunctionGrader, inputs

NO_SCALE = (
    "Puanlar 1/√D ile ölçeklenmemiş: çıktınız q @ kᵀ puanlarının ölçeksiz softmax'ıyla "
    "hesaplanana eşit. D büyüdükçe puanlar büyür ve softmax tek bir anahtara yığılır; "
    "puanları √D'ye bölün (burada D = {d})."
)
SCALE_BY_LENGTH = (
    "Puanlar 1/√D yerine anahtar sayısının (L_k = {n}) kareköküyle ölçeklenmiş; D, "
    "sorguların ve anahtarların son boyutudur (burada {d})."
)
SCALE_BY_VALUE_DIM = (
    "Puanlar 1/√D yerine değerlerin boyutunun (D_v = {dv}) kareköküyle ölçeklenmiş; D, "
    "sorguların ve anahtarların son boyutudur (burada {d})."
)
SOFTMAX_OVER_QUERIES = (
    "softmax anahtarlar boyunca (son boyut) değil, sorgular boyunca (dim=-2) alınmış: her "
    "sorgunun ağırlıkları, anahtarlar üzerinde toplamı 1 olan bir dağılım olmalı."
)
MASK_ZERO = (
    "Maskeli puanlar -inf yerine 0 yapılmış: e^0 = 1 olduğundan maskeli konumlar yine ağırlık "
    "alıyor. Puanları `masked_fill(~mask, float('-inf'))` ile doldurun."
)
MASK_INVERTED = (
    "Maske ters uygulanmış: True olan konumlar -inf yapılmış. Bu alıştırmada "
    "(scaled_dot_product_attention'daki gibi) True, dikkat edilecek konum demektir; "
    "doldurulacak olanlar `~mask` konumlarıdır."
)
NAIVE_SOFTMAX = (
    "Puanların softmax'ı en büyük puan çıkarılmadan hesaplanmış: büyük puanlarda exp sonsuz "
    "olur ve inf / inf = NaN çıkar. Her satırın en büyük puanını çıkarın ya da torch.softmax "
    "kullanın."
)
K_DOT_T = (
    "`k.T` kullanılmış gibi: 3 boyutlu bir tensörde .T bütün boyutları ters çevirir "
    "((B, L, D) → (D, L, B)). Yalnızca son iki boyutu değiştirmek için `k.transpose(-2, -1)` "
    "yazın."
)

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


def _attend(q, k, v, mask=None, *, scale=None, dim=-1, fill=-math.inf, invert=False, dtype=None):
    """Bir hatanın hesaplayacağı dikkat: ölçek, softmax boyutu ve maskenin uygulanışı seçilir."""
    dtype = dtype or torch.float64
    q, k, v = q.to(dtype), k.to(dtype), v.to(dtype)
    scale = 1 / math.sqrt(q.shape[-1]) if scale is None else scale
    scores = q @ k.transpose(-2, -1) * scale
    if mask is not None:
        scores = scores.masked_fill(mask if invert else ~mask, fill)
    if dtype == torch.float64:
        weights = torch.softmax(scores, dim=dim)
    else:  # en büyük puan çıkarılmadan, girdinin kendi veri tipinde
        e = torch.exp(scores)
        weights = e / e.sum(dim=dim, keepdim=True)
    return weights @ v


def _close(got, wanted):
    return got.shape == wanted.shape and torch.allclose(
        got.double(), wanted.double(), atol=1e-5, rtol=1e-4, equal_nan=True
    )


def diagnose(data, got, expected):
    """Çıktı farklıysa: ölçek mi yanlış, softmax hangi boyutta, maske nasıl uygulanmış,
    softmax kararsız mı, `k.T` mi kullanılmış?"""
    if not isinstance(got, RemoteTensor) or got.tensor.shape != expected.shape:
        return None
    q, k, v = (t.detach() for t in data.args[:3])
    mask = data.kwargs.get("mask", data.args[3] if len(data.args) > 3 else None)
    y = got.tensor
    d, n, dv = q.shape[-1], k.shape[-2], v.shape[-1]
    # Yanlış ölçekler: yalnızca doğrusundan ve birbirinden ayırt edilebilenler sınanır
    # (ör. D_v = 1 iken 1/√D_v ile ölçeksiz aynı sonucu verir).
    scales = {
        NO_SCALE.format(d=d): 1,
        SCALE_BY_LENGTH.format(n=n, d=d): n,
        SCALE_BY_VALUE_DIM.format(dv=dv, d=d): dv,
    }
    for message, root in scales.items():
        others = [r for m, r in scales.items() if m != message] + [d]
        if root not in others and _close(y, _attend(q, k, v, mask, scale=1 / math.sqrt(root))):
            return message
    if q.shape[-2] > 1 and _close(y, _attend(q, k, v, mask, dim=-2)):
        return SOFTMAX_OVER_QUERIES
    if mask is not None and not bool(mask.all()):
        if _close(y, _attend(q, k, v, mask, fill=0.0)):
            return MASK_ZERO
        if _close(y, _attend(q, k, v, mask, invert=True)):
            return MASK_INVERTED
    if bool(torch.isnan(y).any()) and _close(y, _attend(q, k, v, mask, dtype=q.dtype)):
        return NAIVE_SOFTMAX
    if q.dim() == 3 and q.shape[0] == k.shape[-1] == k.shape[-2] and mask is None:
        scores = q.double() @ k.double().permute(2, 1, 0) / math.sqrt(d)
        if _close(y, torch.softmax(scores, dim=-1) @ v.double()):
            return K_DOT_T
    return None


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
    diagnose=diagnose,
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
            note="Puanlar burada yüzler mertebesinde: exp(puan) float32'de sonsuza taşar.",
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
        Case(
            "bütün boyutları eşit girdi (B = L = D = 4)",
            lambda g: inputs(*_qkv(g, (4,), 4, 4, 4)),
        ),
    ],
)
