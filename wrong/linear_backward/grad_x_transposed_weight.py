# hata: grad_x için weight yerine weight.T kullanılmış; kare ağırlıkta şekil tutar ama değerler yanlış
# beklenen-denetim: kare ağırlık (3×3)
# beklenen-mesaj: grad_x, grad_output @ weight.T'ye eşit
def linear_backward(x, weight, bias, grad_output):
    grad_x = grad_output @ weight.T
    grad_weight = grad_output.T @ x
    grad_bias = grad_output.sum(dim=0)
    return grad_x, grad_weight, grad_bias
