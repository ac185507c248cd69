# hata: gradyanlar elle hesaplanmamış, otomatik türevin backward() yöntemine bırakılmış
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak kullanım: 'backward'
import torch


def linear_backward(x, weight, bias, grad_output):
    x = x.detach().requires_grad_()
    w = weight.detach().requires_grad_()
    b = bias.detach().requires_grad_()
    y = x @ w.T + b
    y.backward(grad_output)
    return x.grad, w.grad, b.grad
