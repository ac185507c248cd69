# hata: grad_weight x.T @ grad_output olarak hesaplanmış; şekli (out, in) yerine (in, out)
# beklenen-denetim: kare olmayan ağırlık (5×3)
# beklenen-mesaj: grad_weight, x.T @ grad_output'a eşit
def linear_backward(x, weight, bias, grad_output):
    grad_x = grad_output @ weight
    grad_weight = x.T @ grad_output
    grad_bias = grad_output.sum(dim=0)
    return grad_x, grad_weight, grad_bias
