def softmax(x, dim=-1):
    return 1 / 0
