import math

import torch


def attention(
    q: torch.Tensor,
    k: torch.Tensor,
    v: torch.Tensor,
    mask: torch.Tensor | None = None,
) -> torch.Tensor:
    # Her sorgunun her anahtarla benzerliği: (..., L_q, D) @ (..., D, L_k) → (..., L_q, L_k)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
    if mask is not None:
        # False olan konumlar hiç dikkat almasın: softmax'ta e^(-inf) = 0 olur.
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)  # her sorgu için anahtarlar üzerinde dağılım
    return weights @ v  # değerlerin ağırlıklı ortalaması: (..., L_q, D_v)
