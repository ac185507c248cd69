# hata: yasak Tensor.log_softmax yöntemi
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak kullanım: 'log_softmax'
def log_softmax(x, dim=-1):
    return x.log_softmax(dim)
