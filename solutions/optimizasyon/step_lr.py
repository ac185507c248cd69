def step_lr(epoch: int, base_lr: float, step_size: int, gamma: float = 0.1) -> float:
    return base_lr * gamma ** (epoch // step_size)
