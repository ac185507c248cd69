# hata: grad_bias yığın boyutu boyunca toplanmamış; her örneğin gradyanı ayrı ayrı döndürülüyor
# beklenen-denetim: kare ağırlık (3×3)
# beklenen-mesaj: grad_bias, grad_output'un kendisi: yığın boyutu (dim=0) boyunca toplanmamış
def linear_backward(x, weight, bias, grad_output):
    grad_x = grad_output @ weight
    grad_weight = grad_output.T @ x
    grad_bias = grad_output
    return grad_x, grad_weight, grad_bias
