# hata: yasak F.scaled_dot_product_attention getattr ile gizlenmiş; çalışma anında yakalanmalı
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak çağrı: torch.nn.functional.scaled_dot_product_attention
import torch.nn.functional as F


def attention(q, k, v, mask=None):
    sdpa = getattr(F, "scaled_dot_product" + "_attention")
    return sdpa(q, k, v, attn_mask=mask)
