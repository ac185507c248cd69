"""Değerlendirici: amp_train_step (karışık hassasiyetle bir eğitim adımı). Specification for the lead.

To be built on the loop grader (issue 9). Nothing below runs yet; this docstring is the contract
that the statement in lessons/11_uygulamada_egitim.yaml, the reference solution
(solutions/uygulama/amp_train_step.py) and the wrong submissions
(tests/submissions/amp_train_step/) were written against. A prototype of every CPU check and of
the scaler case (run on the CPU with float16 autocast and GradScaler("cpu"), which behaves as the
CUDA path does) caught every wrong submission with the message below and passed the reference.

Learner symbol: `amp_train_step(model, x, y, loss_fn, optimizer) -> float`.
Expected behaviour: `model.train()`; `optimizer.zero_grad()`; forward pass AND loss under
`torch.autocast(device_type, dtype)` with bfloat16 on the CPU and float16 on CUDA; backward and
`optimizer.step()` outside autocast; on CUDA the loss is scaled by one `torch.amp.GradScaler`
per optimizer, kept between calls (`scaler.scale(loss).backward()`, `scaler.step(optimizer)`,
`scaler.update()`); no scaler on the CPU (a `GradScaler(..., enabled=False)` there is accepted:
it changes nothing, and the CPU cases do not check the loss scale); parameters stay float32;
returns the unscaled loss as a Python float. Verified on the CPU: the reference, and a variant
that keeps a disabled scaler on the CPU, pass every check below.

What the grader hands to the learner's code (engine-side driver objects that record)
-----------------------------------------------------------------------------------
All built from the case seed, identically for the learner's run and the reference run.

- `model`: an `nn.Module`, `Linear(8, 32) → ReLU → Dropout(p) → Linear(32, 3)`, initialised under
  `torch.manual_seed(seed)`, on the grading device. Its `forward` records, at each call:
  `self.training`, `torch.is_grad_enabled()`, `torch.is_autocast_enabled(device_type)`,
  `torch.get_autocast_dtype(device_type)` and the set of parameter dtypes. It registers a hook on
  its output tensor (when it requires grad) that records, when the backward pass reaches it,
  `torch.is_autocast_enabled(device_type)` (the autocast state is thread-local and the engine
  runs the hook with the state of the `backward()` call: verified on the CPU).
- `loss_fn`: an `nn.Module` computing `F.cross_entropy(logits, y)` (mean); records at each call
  `torch.is_autocast_enabled(device_type)` and the logits' dtype; registers a hook on the loss it
  returns that records the gradient arriving there, which is exactly the loss scale used
  (1.0 without a scaler; `scaler.scale(loss)` multiplies by the scale). In the scaler case the
  loss is `40 * cross_entropy`, so that the default initial scale 65536 overflows float16.
- `optimizer`: a `torch.optim.SGD` subclass (lr 0.1, momentum 0.9; lr 0.01 in the scaler case)
  whose `zero_grad` and `step` record their calls, `torch.is_autocast_enabled(device_type)` at
  `step`, and the dtypes of the gradients at `step`. (`GradScaler.step` calls `optimizer.step`
  only when the gradients are finite, so a skipped step records no `step` event, as in the
  reference.)
- `x`: float32 `(16, 8)`, `y`: int64 `(16,)`, a new batch for each call, on the device.

What is recorded per call and returned as data: the event list (`zero_grad`, `forward`, `loss`,
`backward`, `step`, with their states), the returned value (its type, and its value when it is an
int/float or a 0-dim tensor), the parameters after the call (values and dtypes), the loss scale.

The reference (trusted side)
----------------------------
The same objects built from the same seed, driven by `solutions/uygulama/amp_train_step.py`'s
algorithm (on CUDA: one `GradScaler("cuda")` with default settings for the whole case).
Tolerances: returned loss and parameters `atol=1e-3, rtol=1e-2` (low precision; thread counts
may change the order of bfloat16 sums). Exact equality is not required anywhere; the recorded
states decide the autocast bugs, which numbers alone cannot (on the CPU, a backward or a step
run under autocast gives bit-identical parameters; no autocast at all differs by ~1e-3 only).

Cases (names are check names in the verdict)
--------------------------------------------
- "tek adım": one call, p = 0.
- "üç adım art arda": three calls on new batches, p = 0 (gradients must not carry over).
- "değerlendirme kipinde verilen model": model handed over in eval mode, p = 0.5, two calls
  (the step must put it in training mode; the driver seeds the global RNG before each run so the
  dropout masks match the reference's).
- CUDA only (`--device cuda`): "ölçekleyici: taşma ve küçülen ölçek": six calls with the ×40
  loss. Reference on the CPU simulation: scales 65536, 32768, 16384, 8192, 4096, 4096; steps
  skipped on calls 1–4, taken on 5–6. Compare per call the loss scale, whether a step was taken,
  the returned (unscaled) loss, and the parameters.
- CUDA only: "float16 ileri geçiş": one call; the forward's autocast dtype must be float16.

Checks per call, in this order; the first that fails is the case's message (Turkish, `{i}` is
the call number, 1-based). The wrong submission that each message names is given after it.
------------------------------------------------------------------------------------------
1. `zero_grad` recorded before the forward. Else:
   "{i}. çağrıda zero_grad çağrılmamış: gradyanlar çağrıdan çağrıya birikmiş"
   (no_zero_grad.py)
2. Event order per call `zero_grad → forward → loss → backward → step` (on CUDA: as in the
   reference call, a skipped step has no `step`). Else the loop grader's order message:
   "{i}. çağrıda sıra: …; beklenen: zero_grad → ileri → kayıp → geri → adım"
3. Parameter dtypes recorded at the forward are all float32. Else:
   "{i}. çağrıda parametreler float32 kalmalı; {dtype} geldi: modeli bfloat16'ya (ya da float16'ya)
   çevirmeyin, autocast yalnızca işlemleri düşük hassasiyette yapar" (params_cast_to_bfloat16.py)
4. `model.training` at the forward. Else:
   "{i}. çağrıda model eğitim kipine alınmamış: model.train() çağrılmamış" (no_train_mode.py)
5. Autocast enabled at the forward. Else:
   "{i}. çağrıda ileri geçiş autocast içinde çalışmadı: model(x) torch.autocast bloğunun içinde
   olmalı" (no_autocast.py)
6. Autocast dtype at the forward is bfloat16 on the CPU, float16 on CUDA. Else:
   "{i}. çağrıda CPU'da autocast bfloat16 ile çalışmalı; float16 kullanıldı" (float16_on_cpu.py),
   on CUDA "{i}. çağrıda CUDA'da autocast float16 ile çalışmalı; bfloat16 kullanıldı".
7. Autocast enabled at the loss. Else:
   "{i}. çağrıda kayıp autocast dışında hesaplandı: kayıp, düşük hassasiyetli çıktıyla düşük
   hassasiyette hesaplanıyor; loss_fn çağrısı da with bloğunun içinde olmalı"
   (loss_outside_autocast.py)
8. Autocast disabled in the backward hook and at `step`. Else one message listing what ran
   inside: "{i}. çağrıda autocast bloğu fazla geniş: geri yayılım (loss.backward()) [ve
   optimizer.step()] de autocast içinde çalıştı; autocast yalnızca ileri geçişi ve kaybı
   sarmalı" (autocast_around_backward.py: "geri yayılım (loss.backward()) de autocast içinde
   çalıştı"; autocast_around_step.py, whole step inside: "optimizer.step() de autocast içinde
   çalıştı").
9. CUDA only, loss scale: 1.0 → "{i}. çağrıda kayıp ölçeklenmemiş: scaler.scale(loss).backward()
   kullanılmamış". A scale that stays where the reference's shrank after an overflow →
   "ölçek adımdan adıma taşınmıyor: {i}. çağrıda ölçek {got}, beklenen {expected}; taşmadan
   sonra küçülmedi. GradScaler'ı her çağrıda yeniden oluşturmayın, eniyileyici başına bir kez
   oluşturup saklayın" (scaler_recreated_each_call.py). Any other difference:
   "{i}. çağrıda ölçek {got}, beklenen {expected}".
   A `RuntimeError` raised by the learner's call whose text contains "since the last update()"
   (GradScaler.step called twice without update) is this case's failure, not a crash:
   "{i}. çağrıda GradScaler hata verdi: scaler.update() çağrılmamış; her adımın sonunda
   scaler.update() çağrılmalı" (scaler_never_updates.py).
   A step taken where the reference skipped one (gradients not unscaled, `optimizer.step()`
   instead of `scaler.step(optimizer)`) → "{i}. çağrıda adım atıldı, beklenen: atlanması;
   optimizer.step() yerine scaler.step(optimizer) kullanın".
10. Return type is `float` (a Python float; a tensor or NumPy scalar fails). Else:
   "{i}. çağrıda dönen değer Python float'u olmalı; {type} geldi (loss.item())"
   (returns_tensor.py)
11. Returned value equals the reference loss (unscaled). Else:
   "{i}. çağrıda dönen kayıp {got}, beklenen {expected}" (+ on CUDA, when it equals the
   reference times the scale: "ölçeklenmiş kaybı döndürmeyin").
12. Parameters after the call are float32 and equal the reference's. Else:
   "{i}. çağrıdan sonra parametreler referanstan ayrışıyor (en büyük fark …)".

Forbidden: nothing (GradScaler and autocast are the point). Time limit: the default 10 s.
"""

raise NotImplementedError("grader to be written by the lead")
