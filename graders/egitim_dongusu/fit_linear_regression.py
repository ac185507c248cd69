"""Grader specification: fit_linear_regression (a fitting grader). To be written by the lead.

`fit_linear_regression(X, y) -> nn.Module`, trained in the learner's process within the exercise's
`timeout_s` (10 s). The data's slope and intercept are drawn from the seed, so a line written by
hand fails. The held-out inputs enter the learner's process only after the function has
returned; nothing else about the truth (a, b) ever does.

Data (trusted side, from the case seed; `make_line` below is the exact recipe)
-------------------------------------------------------------------------------
a = ±U(0.5, 3) (random sign), b = U(-2, 2), X = U(-3, 3) of shape (256, 1),
y = a·X + b + 0.1·N(0, 1). Held-out probe inputs: `torch.linspace(-3, 3, 61).unsqueeze(1)`.
A second data set (a', b') is drawn from the same stream for the hand-written-rule check.

What happens in the learner's process
-------------------------------------
1. torch, random and numpy are seeded from the case seed (the learner's init is reproducible).
2. Recording is switched on: every `Tensor.backward` / `torch.autograd.backward` call on a 0-dim
   tensor appends its value to the loss curve (cap: 20,000 points, then keep every k-th);
   `torch.optim.Optimizer.step`, `Optimizer.zero_grad` and `nn.Module.zero_grad` calls are
   counted. (All of this only adds diagnoses; it never makes a failure pass.)
3. `model = fit_linear_regression(X, y)` is called; the elapsed time is recorded.
4. `model.eval()`; under `torch.no_grad()` the predictions `model(probe)` are recorded (or the
   exception raised).
5. Steps 2-4 again with the second data set (its own curve discarded except for the plot).

The verdict carries the first run's loss curve (and the reference solution's curve for the same
data, computed on the trusted side or cached per seed) so the app can plot both and the CLI can
print a sparkline; the progress bar can advance per recorded optimizer step.

Cases (check names) and checks
------------------------------
1. "tahmin şekli": predictions of shape (61, 1). Message: "tahminlerin şekli (M, 1) olmalı,
   {shape} geldi: model (M, 1) girdiye (M, 1) tahmin vermeli."
2. "eğim ve sapma": least-squares line through (probe, predictions) gives (â, b̂); pass when
   |â − a| ≤ 0.05 and |b̂ − b| ≤ 0.05 (and every prediction is finite). On failure the message is
   the first that applies of:
   - non-finite predictions or a non-finite loss in the curve: "tahminler NaN ya da sonsuz: kayıp
     ıraksamış. Öğrenme oranı bu veri için çok büyük; küçültün."                 (diverging_lr)
   - more than one optimizer step and no zero_grad call at all: "öğrenilen eğim {â:.3f}, verinin
     eğimi {a:.3f}: zero_grad hiç çağrılmamış; gradyanlar adımdan adıma birikmiş."  (no_zero_grad)
   - the loss curve is flat (|last − first| ≤ 1e-3·|first|, at least 2 points): "öğrenilen eğim
     {â:.3f}, verinin eğimi {a:.3f}: kayıp hiç azalmamış; eniyileyici modelin parametrelerini
     güncellemiyor (eniyileyiciyi döndürdüğünüz modelin parameters() ile kurun)."
                                                                   (optimizer_on_other_model)
   - the curve is still going down at its end (its last point is its minimum and the mean of its
     last 10 % is below the mean of the 10 % before): "öğrenilen eğim {â:.3f} ve sapma {b̂:.3f};
     verideki eğim {a:.3f}, sapma {b:.3f}. Kayıp hâlâ düşüyordu: eğitim yakınsamadan bitmiş
     (adım sayısını ya da öğrenme oranını artırın)."                            (too_few_steps)
   - otherwise: "öğrenilen eğim {â:.3f} ve sapma {b̂:.3f}; verideki eğim {a:.3f}, sapma {b:.3f}
     (fark en fazla 0.05 olmalı)."
3. "farklı veri, farklı model": the two runs' predictions on the probe must differ (max abs
   difference > 1e-6). Message: "iki farklı veri setinde aynı tahminler: model veriden
   öğrenilmiyor, kural elle yazılmış."                                           (hard_coded_line)

A learner exception inside the fit is the usual `exception` error with its line. Over the time
limit is the usual `timeout`. The reference (solutions/...) trains in about 0.1 s on one thread.

Wrong submissions: tests/submissions/fit_linear_regression/ (5 files, one bug each).
"""

import torch


def make_line(g, n: int):
    """`g` is the engine's seeded `Gen`. Returns X (n, 1), y (n, 1), slope a, intercept b."""
    sign = g.choice([-1.0, 1.0])
    a = sign * g.uniform(1, low=0.5, high=3.0).item()
    b = g.uniform(1, low=-2.0, high=2.0).item()
    X = g.uniform(n, 1, low=-3.0, high=3.0)
    y = a * X + b + 0.1 * g.randn(n, 1)
    return X, y, a, b


def fitted_line(probe: torch.Tensor, predictions: torch.Tensor) -> tuple[float, float]:
    """Slope and intercept of the least-squares line through the model's predictions."""
    design = torch.cat([probe, torch.ones_like(probe)], dim=1).double()
    solution = torch.linalg.lstsq(design, predictions.double()).solution.squeeze(1)
    return solution[0].item(), solution[1].item()


def still_decreasing(curve: list[float]) -> bool:
    """The loss was still going down when training stopped."""
    if len(curve) < 5:
        return False
    k = max(1, len(curve) // 10)
    last, before = curve[-k:], curve[-2 * k : -k]
    return min(curve) == curve[-1] and sum(last) / k < sum(before) / k


raise NotImplementedError("grader to be written by the lead")
