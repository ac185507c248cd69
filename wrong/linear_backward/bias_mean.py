# hata: grad_bias için toplam yerine ortalama alınmış; şekil doğru ama değerler N kat küçük
# beklenen-denetim: kare ağırlık (3×3)
# beklenen-mesaj: toplam yerine ortalama alınmış
def linear_backward(x, weight, bias, grad_output):
    grad_x = grad_output @ weight
    grad_weight = grad_output.T @ x
    grad_bias = grad_output.mean(dim=0)
    return grad_x, grad_weight, grad_bias
