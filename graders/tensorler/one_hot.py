"""Değerlendirici: one_hot."""

import torch
import torch.nn.functional as F

from tutor.grading.compare import RemoteTensor, format_shape
from tutor.grading.spec import Case, FunctionGrader, inputs

FLATTENED = (
    "Etiketler düzleştirilmiş: çıktınız {got} şeklinde, oysa etiketlerin şekli korunup sonuna "
    "sınıf boyutu eklenmeli: (*labels.shape, num_classes) = {expected}."
)
CLASSES_FROM_LABELS = (
    "Sınıf sayısı etiketlerden çıkarılmış (en büyük etiket + 1 = {got}); bu durumda "
    "num_classes={expected}. Etiketlerde görünmeyen sınıfların da sütunu olmalı: num_classes "
    "argümanını kullanın."
)
SHIFTED = (
    "Çıktınızda her etiketin 1'i bir sütun {direction} kaymış: etiketler 0'dan başlar, "
    "c etiketinin 1'i indeksi c olan sütuna yazılır."
)
LEFT = "sola"
RIGHT = "sağa"
FLOAT_TABLE = (
    "Sütunlar doğru ama tablonun veri tipi {actual}: one-hot tablosu tamsayıdır (torch.int64), "
    "F.one_hot'ın döndürdüğü gibi; karşılaştırmanın sonucunu `.long()` ile çevirin."
)


def diagnose(data, got, expected):
    """Çıktı farklıysa: etiketler düzleştirilmiş mi, sınıf sayısı etiketlerden mi çıkarılmış,
    1'ler kaymış mı, tablo float mu?"""
    if not isinstance(got, RemoteTensor):
        return None
    labels, num_classes = data.args
    y, expected = got.tensor, expected.cpu()
    if labels.numel() and y.shape != expected.shape:
        if labels.dim() > 1 and tuple(y.shape) == (labels.numel(), num_classes):
            return FLATTENED.format(
                got=format_shape(y.shape), expected=format_shape(expected.shape)
            )
        largest = int(labels.max()) + 1
        if largest != num_classes and tuple(y.shape) == (*labels.shape, largest):
            return CLASSES_FROM_LABELS.format(got=largest, expected=num_classes)
        return None
    if y.shape != expected.shape:
        return None
    if y.dtype != expected.dtype:
        if torch.equal(y.double(), expected.double()):
            return FLOAT_TABLE.format(actual=y.dtype) if y.dtype.is_floating_point else None
        return None
    for step, direction in ((1, LEFT), (-1, RIGHT)):
        shifted = labels - step
        fits = (shifted >= 0) & (shifted < num_classes)
        wanted = torch.zeros_like(expected)
        wanted[fits] = F.one_hot(shifted[fits], num_classes)
        if bool(fits.any()) and torch.equal(y.long(), wanted):
            return SHIFTED.format(direction=direction)
    return None


GRADER = FunctionGrader(
    symbol="one_hot",
    arg_names=("labels", "num_classes"),
    reference=lambda labels, num_classes: F.one_hot(labels, num_classes),
    forbidden=("one_hot",),
    forbidden_names=("one_hot",),
    check_grad=False,
    diagnose=diagnose,
    cases=[
        Case("üç sınıf", lambda g: inputs(torch.tensor([0, 2, 1, 2]), 3)),
        Case("etiketlerden fazla sınıf", lambda g: inputs(torch.tensor([1, 0, 1]), 6)),
        Case("2 boyutlu etiketler", lambda g: inputs(g.randint(0, 5, 2, 4), 5)),
        Case("tek etiket", lambda g: inputs(torch.tensor([3]), 4)),
        Case("boş yığın", lambda g: inputs(torch.zeros(0, dtype=torch.long), 3)),
        Case("rastgele şekil", lambda g: inputs(g.randint(0, 7, *g.shape(1, 3)), 7), repeat=3),
    ],
)
