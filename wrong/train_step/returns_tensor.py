# hata: kayıp tensör olarak döndürülüyor; hesaplama çizgesi çağıranın elinde yaşamaya devam ediyor
# beklenen-denetim: dönüş değeri: Python float'u
# beklenen-mesaj: kayıp tensör olarak döndürülmüş
def train_step(model, x, y, loss_fn, optimizer):
    model.train()
    optimizer.zero_grad()
    pred = model(x)
    loss = loss_fn(pred, y)
    loss.backward()
    optimizer.step()
    return loss
