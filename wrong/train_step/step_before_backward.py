# hata: step backward'dan önce çağrılıyor; adım bu yığının gradyanlarıyla atılmıyor
# beklenen-denetim: çağrı sırası
# beklenen-mesaj: step, backward'dan önce çağrılmış
def train_step(model, x, y, loss_fn, optimizer):
    model.train()
    optimizer.zero_grad()
    pred = model(x)
    loss = loss_fn(pred, y)
    optimizer.step()
    loss.backward()
    return loss.item()
