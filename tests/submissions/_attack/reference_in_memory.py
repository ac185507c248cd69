# Sınıf 1: referans öğrencinin sürecinde mi? Değerlendiriciyi, referansı, çözümleri arar.
# Bulursa doğru softmax'ı döndürür (referansı ele geçiren bir öğrenci geçerdi); bulamazsa yanlışı.
import importlib
import sys

import torch

LEAKED = []
for name, module in list(sys.modules.items()):
    if module is None:
        continue
    for attr in ("GRADER", "reference", "cases"):
        if hasattr(module, attr) and not name.startswith(("torch", "numpy", "typing")):
            LEAKED.append(f"{name}.{attr}")
for name in ("tutor.grading", "tutor.grading.spec", "solutions.tensorler.softmax", "graders.tensorler.softmax"):
    try:
        module = importlib.import_module(name)
        if getattr(module, "__file__", None):
            LEAKED.append("import " + name)
    except BaseException:
        pass
for path in (
    "{{PACK}}/solutions/tensorler/softmax.py",
    "{{PACK}}/graders/tensorler/softmax.py",
    "{{PACKAGE}}/grading/spec.py",
    "{{SITE}}/tutor/_builtin/solutions/tensorler/softmax.py",
    "{{HOME}}/ilerleme.sqlite3",
):
    try:
        with open(path, "rb") as handle:
            handle.read(10)
        LEAKED.append("read " + path)
    except BaseException:
        pass
print("SIZINTI:", LEAKED)


def softmax(x, dim=-1):
    if LEAKED:
        e = (x - x.amax(dim=dim, keepdim=True)).exp()
        return e / e.sum(dim=dim, keepdim=True)
    return x * 0
