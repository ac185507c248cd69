"""Tam bağlı katmanın geri yayılımı: y = x @ weight.T + bias için üç gradyanı elle hesaplayın.

backward() ve torch.autograd.grad yasak; matris çarpımı (@) serbest.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit linear_backward
Takılırsanız:  tutor hint linear_backward
"""

import torch


def linear_backward(
    x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor, grad_output: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    # Kodunuzu buraya yazın: (grad_x, grad_weight, grad_bias) döndürün.
    raise NotImplementedError("linear_backward henüz yazılmadı")
