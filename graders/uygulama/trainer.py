"""Değerlendirici: Trainer (Keras'ın fit'i gibi bir eğitici). Specification for the lead.

To be built on the loop grader (issue 9). Nothing below runs yet; this docstring is the contract
that the statement in lessons/11_uygulamada_egitim.yaml, the reference solution
(solutions/uygulama/trainer.py) and the wrong submissions (tests/submissions/trainer/) were
written against. A prototype of exactly these cases and checks passed the reference (whose
history and parameters equal a hand-written loop's on the same seed, bit for bit) and caught
every wrong submission with the message given below.

Learner symbol: `class Trainer` with `__init__(self, model, loss_fn, optimizer, callbacks=())`
and `fit(train_loader, val_loader, epochs) -> dict[str, list[float]]`.
Expected behaviour: `__init__` stores the objects, sets `self.stop_training = False` and writes
itself into every callback (`callback.trainer = self`, as Keras' `set_model`). `fit` sets
`stop_training = False`, then per epoch (0-based index `epoch`): `model.train()`; for each
training batch `zero_grad → forward → loss → backward → step`; training loss = sum over batches
of `loss.item() * batch_size` / number of examples; then validation in eval mode under
`torch.no_grad()`: `val_loss` per example the same way, `val_accuracy` = correct argmax(dim=1)
predictions / number of examples; the model goes back to training mode; `logs = {"loss",
"val_loss", "val_accuracy"}` (Python floats) appended to the history; every callback's
`on_epoch_end(epoch, logs)` in list order; then, if `stop_training` is True, stop. Returns the
history `{"loss": [...], "val_loss": [...], "val_accuracy": [...]}`.

What the grader hands to the learner's code (engine-side driver objects that record)
-----------------------------------------------------------------------------------
Built from the case seed, identically for the learner's run and the reference run.

- Data: three Gaussian blobs in 4-D (centres `1.5 * randn(3, 4)` from the seed, unit noise).
- `train_loader`: a wrapper around `DataLoader(TensorDataset(x, y), batch_size, shuffle=True,
  generator=torch.Generator().manual_seed(seed + 1))` whose `__iter__` records ("iter",
  "train"), so that later events are attributed to training; `__len__` passes through.
- `val_loader`: the same wrapper, `shuffle=False`, records ("iter", "val").
- `model`: `Linear(4, 16) → ReLU → Dropout(p) → Linear(16, 3)` under `torch.manual_seed(seed)`;
  `forward` records the current phase (the last loader iterated), `self.training`,
  `torch.is_grad_enabled()` and the batch size; when its output requires grad it registers a hook
  that records ("backward",).
- `loss_fn`: an `nn.Module` computing `F.cross_entropy` (mean); records phase, `loss.item()` and
  the batch size at each call (used to diagnose batch-mean averaging).
- `optimizer`: a `torch.optim.SGD` subclass (lr 0.1, momentum 0.9; lr 0.5 where said) recording
  `zero_grad` and `step` calls.
- Callbacks (plain objects with `on_epoch_end(epoch, logs)`; each records (name, epoch,
  dict(logs)) at every call):
  - `Recorder`: also records `model.training` and a copy of the parameters (per-epoch
    comparison).
  - `StopAt(k)`: sets `self.trainer.stop_training = True` when `epoch == k`.
  - `EarlyStopping(patience=1, min_delta=0.02)` on `logs["val_loss"]`: sets
    `self.trainer.stop_training = True` when it does not improve by more than `min_delta`.
  - `SchedulerCallback(StepLR(optimizer, step_size=1, gamma=0.5))`: `scheduler.step()`.
  - `PlateauCallback(ReduceLROnPlateau(optimizer, factor=0.5, patience=0))`:
    `scheduler.step(logs["val_loss"])`.
- The driver seeds the global RNG (`torch.manual_seed(seed + 2)`) right before `fit`, so dropout
  masks match the reference's. It does NOT link the callbacks to the trainer itself.

Recorded and returned as data: whether every callback's `trainer` attribute is the Trainer after
`__init__`, the event list, the returned history (types and values), `model.training` after
`fit`, the parameters after every epoch (Recorder) and at the end.

The reference (trusted side): a hand-written loop doing the above with the same objects and
seeds (see solutions/uygulama/trainer.py). Tolerances: float32, `atol=1e-6, rtol=1e-5` (the same
operations in the same order give identical numbers; verified).

Cases (names are check names in the verdict)
--------------------------------------------
| case                               | epochs | train N / batch | val N / batch | p   | callbacks            |
| "tek dönem"                        | 1      | 48 / 16         | 24 / 8        | 0.3 | Recorder             |
| "üç dönem, dropout"                | 3      | 48 / 16         | 24 / 8        | 0.5 | Recorder             |
| "küçük son mini-yığın"             | 2      | 50 / 16         | 30 / 8        | 0   | Recorder             |
| "geri çağırmaların sırası"         | 3      | 48 / 16         | 24 / 8        | 0   | Recorder, Recorder   |
| "sabit dönemde durdurma"           | 6      | 48 / 16         | 24 / 8        | 0   | StopAt(2), Recorder  |
| "erken durdurma (val_loss)"        | 8      | 48 / 16         | 24 / 8        | 0   | EarlyStopping, Recorder (lr 0.5) |
| "öğrenme oranı çizelgesi (StepLR)" | 4      | 48 / 16         | 24 / 8        | 0   | Recorder, SchedulerCallback |
| "ReduceLROnPlateau"                | 5      | 48 / 16         | 24 / 8        | 0   | PlateauCallback, Recorder (lr 0.5) |
| "sıfır dönem"                      | 0      | 48 / 16         | 24 / 8        | 0   | Recorder             |
(The early-stopping case stopped after 3 or 4 epochs on every seed tried: 3, 7, 11, 100.)

Checks per case, in this order; the first that fails is the case's message (Turkish; `{k}` is
the 1-based epoch). The wrong submission that each message names is given after it.
------------------------------------------------------------------------------------
1. Every callback's `trainer` is the Trainer after `__init__`. Else:
   "geri çağırmaların trainer özniteliği Trainer'ın kendisi olmalı: __init__ içinde her geri
   çağırmaya callback.trainer = self yazın" (callbacks_not_linked.py)
2. History is a dict with exactly the keys loss, val_loss, val_accuracy. Else: "history
   anahtarları loss, val_loss, val_accuracy olmalı; gelen: …".
   Every value is a Python `float`. Else: "history['{key}'] değerleri Python float olmalı"
   (accuracy_tensor.py)
3. Per epoch, modes and graph mode:
   - a training forward with `training == False`: epoch 1 → "eğitim, değerlendirme kipinde
     yapıldı: model.train() çağrılmamış"; later epochs → "{k}. dönemde eğitim, değerlendirme
     kipinde yapıldı: doğrulamadan sonra model.train() çağrılmamış"
     (not_restored_train_mode.py)
   - a validation forward with `training == True`: "{k}. dönemde doğrulama eğitim kipinde
     yapıldı: model.eval() çağrılmamış (dropout açık kaldı)" (eval_in_train_mode.py)
   - a validation forward with grad enabled: "{k}. dönemde doğrulamada hesaplama çizgesi
     kuruldu: torch.no_grad() kullanılmamış" (val_under_graph.py)
   - training batches with `step` but no `zero_grad`: "{k}. dönemde zero_grad çağrılmamış:
     gradyanlar mini-yığından mini-yığına birikmiş" (no_zero_grad.py); any other order: the
     loop grader's order message.
4. Callbacks, per epoch, compared with the reference's (name, epoch) calls:
   - same callbacks, other epoch numbers: "on_epoch_end'e verilen dönem numarası yanlış: {k}.
     dönemde {got} geldi, {expected} bekleniyordu (dönem numarası 0'dan başlamalı)"
     (epoch_from_one.py)
   - a prefix of the expected callbacks: "{k}. dönemde bazı geri çağırmalar çağrılmadı
     ({names}): stop_training, o dönemin bütün geri çağırmaları çağrıldıktan sonra
     denetlenmeli" (stop_inside_callback_loop.py)
   - otherwise: "{k}. dönemde geri çağırmalar … biçiminde çağrıldı; beklenen … (listedeki
     sırayla, her dönem bir kez)".
5. Number of epochs run: more than the reference's when the reference stopped early →
   "stop_training True olduktan sonra eğitim sürdü: {n}. dönemden sonra durmalıydı, {m} dönem
   çalıştı" (ignores_stop_training.py); fewer → "eğitim erken bitti: …"; each history list has
   one entry per epoch run.
6. History values against the reference. For `loss` / `val_loss`, when the learner's value
   equals the mean of the recorded batch losses of that epoch and phase: "{k}. dönemde eğitim
   kaybı (doğrulama kaybı) örnek başına ortalanmamış: mini-yığın ortalamalarının ortalaması
   alınmış (son mini-yığın daha küçük); her mini-yığının kaybını boyuyla çarpıp toplayın, örnek
   sayısına bölün" (batch_mean_loss.py); otherwise "{k}. dönemde history['{key}'] = …, beklenen …".
7. The `logs` each callback received equal that epoch's history entries. Else "{k}. dönemde
   on_epoch_end'e verilen logs history ile aynı değil: …".
8. Parameters after each epoch (Recorder) equal the reference's. Else "{k}. dönemden sonra
   parametreler referanstan ayrışıyor".
9. `model.training` is True after `fit` returns. Else "fit döndüğünde model eğitim kipinde
   olmalı: doğrulamadan sonra model.train() çağrılmamış".
10. Final parameters equal the reference's.

Time limit: the default 10 s is ample (all nine cases take about 3 s on this machine's CPU,
with torch already imported).
"""

raise NotImplementedError("grader to be written by the lead")
