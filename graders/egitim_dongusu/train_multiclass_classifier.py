"""Grader specification: train_multiclass_classifier (a fitting grader). To be written by the lead.

`train_multiclass_classifier(X, y, num_classes) -> nn.Module` returning logits of shape
(M, num_classes), trained in the learner's process within the exercise's `timeout_s` (10 s).
Gaussian blobs whose centres and spread are drawn from the seed; held-out accuracy ≥ 0.95. The
held-out labels never enter the learner's process; the held-out inputs enter it only after the
function has returned.

Data (trusted side, from the case seed; `blob_params` and `make_blobs` below are exact)
----------------------------------------------------------------------------------------
σ ~ U(0.4, 0.6); centres ~ U(-5, 5)² drawn by rejection so that every pair is at least 7σ apart;
100 points per class for training (X float32 (100·C, 2), y int64 (100·C,), shuffled) and 100 per
class held out. A second, independent parameter set (same C) for the hand-written-rule check.
The reference reaches ≥ 0.998 held-out accuracy on 60 seeds in a row, in about 0.2 s.

What happens in the learner's process
-------------------------------------
As in train_binary_classifier (seeding, loss curve, step/zero_grad counts, eval mode and no_grad
for the predictions, a second run for the rule check). A learner exception while fitting (e.g.
"Target 4 is out of bounds" from a head hard-coded to 3 classes) is the usual `exception` error.

Cases (check names) and checks, with their Turkish messages
-----------------------------------------------------------
1. "çıktının şekli": (M, C) for the C of the case (checked in both the C = 3 and C = 5 runs).
   "çıktının şekli (M, {C}) olmalı, {shape} geldi: model sınıf başına bir logit vermeli ve
   çıktı katmanının boyu num_classes'tan gelmeli."                   (returns_class_indices)
2. "logit değerleri (softmax yok)": fails when every output is ≥ 0 and every row sums to 1
   (within 1e-4): "model logit değil olasılık döndürüyor (her satırın toplamı 1): softmax'ı
   modelden çıkarın; CrossEntropyLoss softmax'ı kendisi uygular (çift softmax öğrenmeyi
   bozar)."                                                                   (softmax_output)
3. "doğruluk (görülmemiş noktalar, 3 sınıf)": C = 3, argmax accuracy ≥ 0.95.
4. "doğruluk (görülmemiş noktalar, 5 sınıf)": C = 5, argmax accuracy ≥ 0.95.
   On failure: "görülmemiş noktalarda doğruluk {acc:.3f}; en az 0.95 olmalı." followed by the
   first diagnosis that applies: probabilities (as in 2); no zero_grad; flat curve ("Kayıp hiç
   azalmamış: ..."); still going down (" Kayıp hâlâ düşüyordu: eğitim yakınsamadan bitmiş (adım
   sayısını ya da öğrenme oranını artırın).").                                (too_few_epochs)
5. "farklı veri, farklı model": the two runs' outputs on a common probe (the union of both
   held-out sets) must differ (max abs difference > 1e-6). "iki farklı veri setinde aynı
   tahminler: model veriden öğrenilmiyor, kural elle yazılmış."          (hard_coded_centres)

The verdict carries the learner's loss curve and the reference's (see fit_linear_regression).

Wrong submissions: tests/submissions/train_multiclass_classifier/ (5 files, one bug each;
fixed_three_classes expects the `exception` error kind, message "out of bounds").
"""

import torch


def blob_params(g, num_classes: int):
    """`g` is the engine's seeded `Gen`. Returns the centres (C, 2) and the spread σ."""
    sigma = g.uniform(1, low=0.4, high=0.6).item()
    centres: list[torch.Tensor] = []
    while len(centres) < num_classes:
        candidate = g.uniform(2, low=-5.0, high=5.0)
        if all((candidate - c).norm() >= 7 * sigma for c in centres):
            centres.append(candidate)
    return torch.stack(centres), sigma


def make_blobs(g, n_per_class: int, params):
    centres, sigma = params
    y = torch.arange(len(centres)).repeat_interleave(n_per_class)
    X = centres[y] + sigma * g.randn(len(y), 2)
    order = torch.randperm(len(y), generator=g.torch)
    return X[order], y[order]


raise NotImplementedError("grader to be written by the lead")
