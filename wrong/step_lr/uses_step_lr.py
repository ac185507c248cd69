# hata: yasak StepLR kullanılmış
# beklenen-hata: forbidden
# beklenen-mesaj: Yasak kullanım: 'StepLR'
import torch
from torch.optim.lr_scheduler import StepLR


def step_lr(epoch, base_lr, step_size, gamma=0.1):
    opt = torch.optim.Optimizer([torch.zeros(1, requires_grad=True)], {"lr": base_lr})
    sched = StepLR(opt, step_size, gamma)
    for _ in range(epoch):
        sched.step()
    return opt.param_groups[0]["lr"]
