import faulthandler


def softmax(x, dim=-1):
    faulthandler._sigsegv()
