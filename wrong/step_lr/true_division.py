# hata: tam sayı bölmesi (//) yerine bölme (/) kullanılmış; oran basamak basamak değil, sürekli düşüyor
# beklenen-denetim: ilk düşüşten hemen önce
# beklenen-mesaj: Üste tam sayı bölmesi (//) yerine bölme (/) kullanılmış
def step_lr(epoch, base_lr, step_size, gamma=0.1):
    return base_lr * gamma ** (epoch / step_size)
