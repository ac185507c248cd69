"""Değerlendirici: one_hot."""

import torch
import torch.nn.functional as F

from tutor.grading.spec import Case, FunctionGrader, inputs

GRADER = FunctionGrader(
    symbol="one_hot",
    arg_names=("labels", "num_classes"),
    reference=lambda labels, num_classes: F.one_hot(labels, num_classes),
    forbidden=("one_hot",),
    forbidden_names=("one_hot",),
    check_grad=False,
    cases=[
        Case("üç sınıf", lambda g: inputs(torch.tensor([0, 2, 1, 2]), 3)),
        Case("etiketlerden fazla sınıf", lambda g: inputs(torch.tensor([1, 0, 1]), 6)),
        Case("2 boyutlu etiketler", lambda g: inputs(g.randint(0, 5, 2, 4), 5)),
        Case("tek etiket", lambda g: inputs(torch.tensor([3]), 4)),
        Case("boş yığın", lambda g: inputs(torch.zeros(0, dtype=torch.long), 3)),
        Case("rastgele şekil", lambda g: inputs(g.randint(0, 7, *g.shape(1, 3)), 7), repeat=3),
    ],
)
