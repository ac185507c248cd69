# hata: zero_grad adımın sonunda; modelle gelen eski gradyanlar ilk adıma karışıyor
# beklenen-denetim: önceden kalmış gradyanlar
# beklenen-mesaj: önceden kalmış gradyanlar adıma karışmış
def train_step(model, x, y, loss_fn, optimizer):
    model.train()
    pred = model(x)
    loss = loss_fn(pred, y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    return loss.item()
