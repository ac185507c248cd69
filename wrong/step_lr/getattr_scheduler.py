# hata: StepLR getattr ile gizlenmiş; çalışma anında yakalanmalı
# beklenen-hata: forbidden
# beklenen-mesaj: torch.optim.lr_scheduler.StepLR
import torch

_schedulers = getattr(torch.optim, "lr_" + "scheduler")


def step_lr(epoch, base_lr, step_size, gamma=0.1):
    opt = torch.optim.Optimizer([torch.zeros(1, requires_grad=True)], {"lr": base_lr})
    sched = getattr(_schedulers, "Step" + "LR")(opt, step_size, gamma)
    for _ in range(epoch):
        sched.step()
    return opt.param_groups[0]["lr"]
