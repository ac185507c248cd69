# hata: dönemler 1'den sayılmış ((epoch + 1) // step_size); oran bir dönem erken düşüyor
# beklenen-denetim: ilk düşüşten hemen önce
# beklenen-mesaj: Dönemler 1'den sayılmış
def step_lr(epoch, base_lr, step_size, gamma=0.1):
    return base_lr * gamma ** ((epoch + 1) // step_size)
