# hata: zero_grad hiç çağrılmıyor; ikinci çağrıdan itibaren gradyanlar birikiyor
# beklenen-denetim: üç ardışık adım (SGD)
# beklenen-mesaj: gradyanlar birikmiş: zero_grad çağrılmamış
def train_step(model, x, y, loss_fn, optimizer):
    model.train()
    pred = model(x)
    loss = loss_fn(pred, y)
    loss.backward()
    optimizer.step()
    return loss.item()
