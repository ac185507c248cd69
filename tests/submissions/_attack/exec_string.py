# Sınıf 4: yasak çağrıyı metinden üretilmiş bir fonksiyonda saklar; statik denetim göremez.
import builtins

make = getattr(builtins, "ev" + "al")
softmax = make("lambda x, dim=-1: x.softmax(dim)")
