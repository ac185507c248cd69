"""Sigmoid için torch.autograd.Function: forward ve backward yöntemlerini siz yazın.

backward içinde sigmoid'in hiçbir biçimi kullanılamaz; forward'da sakladığınız tensörle çalışın.

Çözümünüzü bu dosyaya yazın, sonra değerlendirin:  tutor submit sigmoid_function
Takılırsanız:  tutor hint sigmoid_function
"""

import torch


class SigmoidFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: torch.Tensor) -> torch.Tensor:
        # Kodunuzu buraya yazın: σ(x)'i hesaplayın, backward için gerekeni ctx'e kaydedin.
        raise NotImplementedError("SigmoidFunction.forward henüz yazılmadı")

    @staticmethod
    def backward(ctx, grad_output: torch.Tensor) -> torch.Tensor:
        # Kodunuzu buraya yazın: x'in gradyanını döndürün.
        raise NotImplementedError("SigmoidFunction.backward henüz yazılmadı")
