# hata: model eğitim kipine alınmıyor; değerlendirme kipinde gelen modelde dropout kapalı kalıyor
# beklenen-denetim: değerlendirme kipindeki model
# beklenen-mesaj: eğitim kipine alınmamış
def train_step(model, x, y, loss_fn, optimizer):
    optimizer.zero_grad()
    pred = model(x)
    loss = loss_fn(pred, y)
    loss.backward()
    optimizer.step()
    return loss.item()
