# Sınıf 4: yasak işlemi başka bir iş parçacığında yapar (iş parçacığına özgü kipler göremez).
import threading

import torch

result = {}


def work(x, dim):
    result["y"] = getattr(torch, "soft" + "max")(x, dim)


def softmax(x, dim=-1):
    worker = threading.Thread(target=work, args=(x, dim))
    worker.start()
    worker.join()
    return result["y"]
