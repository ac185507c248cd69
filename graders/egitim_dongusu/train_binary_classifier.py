"""Grader specification: train_binary_classifier (a fitting grader). To be written by the lead.

`train_binary_classifier(X, y) -> nn.Module` returning logits of shape (M, 1), trained in the
learner's process within the exercise's `timeout_s` (10 s). Two concentric circles whose centre,
radii and scale are drawn from the seed; held-out accuracy ≥ 0.95. The held-out labels never
enter the learner's process; the held-out inputs enter it only after the function has returned.

Data (trusted side, from the case seed; `circle_params` and `make_circles` below are exact)
--------------------------------------------------------------------------------------------
centre ~ U(-3, 3)², scale ~ U(0.5, 2), r_in = scale·U(0.5, 1.0), r_out = r_in + scale·U(0.8, 1.2),
radial noise 0.08·scale, angles uniform. 400 training points (half on each circle, shuffled),
X float32 (400, 2), y float32 (400, 1) with 1.0 on the inner circle. 400 held-out points from the
same parameters. A second, independent parameter set gives the data for the hand-written-rule
check. With these settings the reference reaches 1.000 held-out accuracy on 60 seeds in a row,
in 0.3-0.6 s on one thread.

What happens in the learner's process
-------------------------------------
As in fit_linear_regression: seed torch/random/numpy; record the loss curve (0-dim backward
values) and the optimizer-step / zero_grad counts; call the function; `model.eval()`; under
`torch.no_grad()` record `model(X_heldout)` (shape, values) and `model(probe)` where probe is the
union of both runs' held-out inputs (for the rule check); then the same with the second data set.

Cases (check names) and checks, with their Turkish messages
-----------------------------------------------------------
1. "çıktının şekli": logits of shape (M, 1). "çıktının şekli (M, 1) olmalı, {shape} geldi:
   ikili sınıflandırmada tek bir logit yeter (BCEWithLogitsLoss ile)."               (two_logits)
2. "logit değerleri (sigmoid ya da ReLU yok)": fails when every held-out output is ≥ 0 and
   - at least one is exactly 0: "hiçbir logit negatif değil ve bazıları tam 0: son katmandan sonra
     ReLU var gibi. Logit değerleri negatif de olabilmeli; son katmanı aktivasyonsuz bırakın."
                                                                             (relu_after_last)
   - else, all are ≤ 1 and thresholding them at 0.5 gives accuracy ≥ 0.9: "model logit değil
     olasılık döndürüyor (bütün çıktılar 0 ile 1 arasında): sigmoid'i modelden çıkarın;
     BCEWithLogitsLoss sigmoid'i kendisi uygular, değerlendirici logit > 0 ile karar verir."
                                                                              (sigmoid_output)
   - else: "hiçbir logit negatif değil: logit > 0 her noktayı iç çembere atar."
   (An untrained model whose outputs happen to lie in [0, 1] is not called a probability model:
   that is what the 0.5-threshold accuracy condition is for.)
3. "doğruluk (görülmemiş noktalar)": accuracy of (logit > 0) against the held-out labels ≥ 0.95.
   On failure: "görülmemiş noktalarda doğruluk {acc:.3f}; en az 0.95 olmalı." followed by the
   first diagnosis that applies:
   - outputs look like probabilities (as above): " Çıktılar olasılık gibi; sigmoid'i modelden
     çıkarın."
   - the logits are an affine function of the inputs (R² of a least-squares fit of the logits on
     [x1, x2, 1] above 0.999): " Modelin karar sınırı düz bir çizgi: gizli katman ya da doğrusal
     olmayan aktivasyon yok; iç içe çemberler bir doğruyla ayrılamaz."          (linear_model)
   - more than one step and no zero_grad: " zero_grad hiç çağrılmamış."
   - the loss curve is flat: " Kayıp hiç azalmamış: eniyileyici modelin parametrelerini
     güncellemiyor."
   - the loss curve still going down at its end (same rule as fit_linear_regression): " Kayıp
     hâlâ düşüyordu: eğitim yakınsamadan bitmiş (adım sayısını ya da öğrenme oranını artırın)."
                                                                              (too_few_epochs)
4. "farklı veri, farklı model": the two runs' outputs on the common probe must differ (max abs
   difference > 1e-6). "iki farklı veri setinde aynı tahminler: model veriden öğrenilmiyor, kural
   elle yazılmış."                                                            (hard_coded_rule)

The verdict carries the learner's loss curve and the reference's (see fit_linear_regression).

Wrong submissions: tests/submissions/train_binary_classifier/ (6 files, one bug each).
"""

import math

import torch


def circle_params(g):
    """`g` is the engine's seeded `Gen`."""
    centre = g.uniform(2, low=-3.0, high=3.0)
    scale = g.uniform(1, low=0.5, high=2.0).item()
    r_in = scale * g.uniform(1, low=0.5, high=1.0).item()
    r_out = r_in + scale * g.uniform(1, low=0.8, high=1.2).item()
    return centre, r_in, r_out, scale


def make_circles(g, n: int, params):
    centre, r_in, r_out, scale = params
    half = n // 2
    radius = torch.cat([torch.full((half,), r_in), torch.full((n - half,), r_out)])
    radius = radius + 0.08 * scale * g.randn(n)
    angle = g.uniform(n, low=0.0, high=2 * math.pi)
    X = torch.stack([radius * torch.cos(angle), radius * torch.sin(angle)], dim=1) + centre
    y = torch.cat([torch.ones(half, 1), torch.zeros(n - half, 1)])  # 1 = iç çember
    order = torch.randperm(n, generator=g.torch)
    return X[order], y[order]


def affine_r2(inputs: torch.Tensor, outputs: torch.Tensor) -> float:
    """How well an affine function of the inputs explains the outputs (1.0 = exactly affine)."""
    design = torch.cat([inputs, torch.ones(len(inputs), 1)], dim=1).double()
    target = outputs.double()
    fit = design @ torch.linalg.lstsq(design, target).solution
    residual = ((target - fit) ** 2).sum()
    total = ((target - target.mean()) ** 2).sum().clamp_min(1e-12)
    return 1.0 - (residual / total).item()


raise NotImplementedError("grader to be written by the lead")
