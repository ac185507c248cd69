# hata: üs parantezsiz yazılmış; gamma ** epoch // step_size, (base_lr * gamma ** epoch) // step_size demek
# beklenen-denetim: ilk dönem
# beklenen-mesaj: Üs parantezsiz yazılmış
def step_lr(epoch, base_lr, step_size, gamma=0.1):
    return base_lr * gamma**epoch // step_size
