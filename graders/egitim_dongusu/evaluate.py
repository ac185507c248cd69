"""Grader specification: evaluate (a loop grader). To be written by the lead.

`evaluate(model, loader, loss_fn) -> (mean_loss, accuracy)`: eval mode, no graph, mean per
example (a smaller last batch weighs by its size), the model's mode restored, two Python floats.

What the grader hands to the learner's code (in the learner's process)
-----------------------------------------------------------------------
- model: a recording `nn.Module` around
  `nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.5), nn.Linear(8, 3))` initialised from
  the case seed and put in the mode the case says. Its forward records, per call:
  (self.training, torch.is_grad_enabled(), torch.is_inference_mode_enabled(), batch size).
- loader: `DataLoader(TensorDataset(X, y), batch_size=B)` (no shuffle), X (N, 4) float32,
  y (N,) int64 in [0, 3), drawn from the case seed.
- loss_fn: `nn.CrossEntropyLoss()` (mean reduction).

Before the call the driver seeds torch (dropout left on would then be reproducible). After the
call it records: the two returned values (type name; value for floats; for tensors their value and
requires_grad), `model.training`, and every parameter and buffer.

Reference (trusted side): the solution's evaluate on the same model state and data, in eval mode
under no_grad. It also computes, for diagnosis only, the mean of the batch means and the mean of
the batch accuracies.

Cases (check names)
-------------------
1. "eşit yığınlar": N = 24, B = 8, model in training mode. Values equal the reference (loss rel
   1e-6 / abs 1e-7, accuracy exact as a fraction).
2. "küçük son yığın": N = 21, B = 8 (batches 8, 8, 5), model in training mode. Values.
3. "değerlendirme kipi (dropout)": every recorded forward has training=False.
4. "çizgesiz değerlendirme": every recorded forward has grad mode off (no_grad or inference_mode).
5. "eğitim kipindeki model geri yüklenir": handed in training mode, model.training is True after.
6. "değerlendirme kipindeki model öyle kalır": handed in eval mode, model.training is False after.
7. "dönüş türleri": both returned values are Python floats (an int accuracy such as 1 for a
   perfect score would be wrong too: "doğruluk int olarak döndürülmüş; float döndürün").
8. "parametreler değişmez": parameters and buffers after the call equal those before.

Turkish messages, one per bug
-----------------------------
- forward in training mode: "ileri geçiş eğitim kipinde yapılmış: dropout açık kaldı
  (model.eval() çağrılmamış); sonuçlar her çağrıda değişir."                       (no_eval_mode)
- forward with grad mode on: "ileri geçiş gradyan kipi açıkken yapılmış: her yığında hesaplama
  çizgesi kuruldu (torch.no_grad() ya da torch.inference_mode() kullanılmamış)."     (no_no_grad)
- left in eval mode: "model değerlendirme kipinde bırakılmış: başlangıçtaki kip (eğitim) geri
  yüklenmemiş; eğitim döngüsü sonraki dönemleri dropout'suz sürdürür. was_training =
  model.training ile kipi okuyup sonda model.train(was_training) çağırın."    (mode_not_restored)
- put into training mode: "model eğitim kipine sokulmuş: başlangıçta değerlendirme kipindeydi;
  sonda model.train() yerine model.train(was_training) kullanın."            (always_train_after)
- loss equals the mean of batch means (and differs from the reference): "ortalama kayıp {got:.6g},
  beklenen {expected:.6g}: yığın ortalamalarının ortalaması alınmış; son yığın daha küçük ({b}
  örnek) ve ağırlığı fazla sayılmış. Her yığının kaybını boyuyla çarpıp toplayın ve örnek
  sayısına bölün."                                                           (mean_of_batch_means)
- accuracy equals the mean of batch accuracies: "doğruluk {got:.6g}, beklenen {expected:.6g}:
  yığın doğruluklarının ortalaması alınmış; doğru tahminleri sayıp örnek sayısına bölün."
                                                                        (accuracy_mean_of_batches)
- loss returned as a tensor: "kayıp tensör olarak döndürülmüş; .item() ile Python float'u
  döndürün."  (accuracy: "doğruluk tensör olarak döndürülmüş; ...")               (returns_tensors)
- other value differences: "ortalama kayıp {got:.6g}, beklenen {expected:.6g}." /
  "doğruluk {got:.6g}, beklenen {expected:.6g}."
- parameters changed: "değerlendirme parametreleri değiştirmiş ({name}): evaluate yalnızca ölçer,
  eğitmez."

Wrong submissions: tests/submissions/evaluate/ (7 files, one bug each).
Timing: under 1 s warm.
"""

raise NotImplementedError("grader to be written by the lead")
