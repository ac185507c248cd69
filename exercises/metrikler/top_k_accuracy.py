"""Top-k doğruluğu: doğru sınıfı en büyük k logit değeri arasında olan örneklerin oranı, Python float.

Eşitliklerde hangi sınıfların seçildiğini torch.topk belirler. Çözümünüzü bu dosyaya yazın,
sonra değerlendirin:  tutor submit top_k_accuracy
Takılırsanız:  tutor hint top_k_accuracy
"""

import torch


def top_k_accuracy(logits: torch.Tensor, target: torch.Tensor, k: int) -> float:
    # logits: (N, C), target: (N,) int64, 1 <= k <= C.
    raise NotImplementedError("top_k_accuracy henüz yazılmadı")
