# hata: zero_grad backward ile step arasında; gradyanlar adımdan hemen önce siliniyor, model hiç değişmiyor
# beklenen-denetim: çağrı sırası
# beklenen-mesaj: zero_grad, backward ile step arasında çağrılmış
def train_step(model, x, y, loss_fn, optimizer):
    model.train()
    pred = model(x)
    loss = loss_fn(pred, y)
    loss.backward()
    optimizer.zero_grad()
    optimizer.step()
    return loss.item()
